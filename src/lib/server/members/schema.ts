import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '../accounts/schema.ts';

/** A member's public-facing profile; each text carries the language it is written in. */
export const memberProfile = pgTable('member_profile', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	headline: text('headline'),
	bio: text('bio'),
	contentLocale: text('content_locale').notNull().default('en'),
	visibility: text('visibility', { enum: ['public', 'members', 'nobody'] })
		.notNull()
		.default('members'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const organisation = pgTable(
	'organisation',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		kind: text('kind').notNull(),
		description: text('description').notNull().default(''),
		contentLocale: text('content_locale').notNull().default('en'),
		countryCode: text('country_code'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('organisation_name_idx').on(t.name)]
);
