import { bigserial, boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from '../accounts/schema.ts';

/**
 * One thing a person was told about, shown on their account until they read it. `detail` holds
 * what the list's sentence names (an organisation, a service, a status, a reason); `link` is the
 * page it is about, as a path without the language prefix. `sentVia` records the e-mail or SMS
 * it was also sent by ('' when none was: the person chose so, or has no such contact).
 */
export const notification = pgTable(
	'notification',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		detail: jsonb('detail').$type<Record<string, string>>().notNull().default({}),
		link: text('link').notNull(),
		/** False for notices the person is told of otherwise already (an invitation's own mail). */
		deliver: boolean('deliver').notNull().default(true),
		sentVia: text('sent_via'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		readAt: timestamp('read_at', { withTimezone: true })
	},
	(t) => [
		index('notification_user_idx').on(t.userId, t.id),
		index('notification_unread_idx')
			.on(t.userId)
			.where(sql`${t.readAt} is null`)
	]
);

/** How each person wants to be told (NOTICE_CHANNELS); no row is `auto`. */
export const notificationSetting = pgTable('notification_setting', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	channel: text('channel').notNull().default('auto'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
