import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';

/**
 * A story a member (or an organisation, through its staff) publishes: Markdown text in one
 * language, an optional cover image (stored re-encoded, `cover_key`). A new member's story may
 * wait for a moderator (moderation holds it until then).
 */
export const story = pgTable(
	'story',
	{
		id: text('id').primaryKey(),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'cascade'
		}),
		title: text('title').notNull(),
		body: text('body').notNull(),
		language: text('language').notNull(),
		coverKey: text('cover_key'),
		coverWidth: integer('cover_width'),
		coverHeight: integer('cover_height'),
		coverAlt: text('cover_alt').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		demo: boolean('demo').notNull().default(false)
	},
	(t) => [
		index('story_feed_idx').on(t.createdAt),
		index('story_language_idx').on(t.language, t.createdAt),
		index('story_author_idx').on(t.authorId)
	]
);
