import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { LibraryTheme, ResourceKind } from '#lib/library/forms.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { tsvector } from '../db/types.ts';

/**
 * A resource of the library (docs/decisions/0028): a file kept in storage (`file_key`, checked
 * by its content and served as a download) or a link. Contributions wait for a moderator
 * (moderation holds them until one publishes them). Translations of one resource share
 * `translation_group` (the id of the first). `search` holds the normalised words of the title
 * and the description.
 */
export const resource = pgTable(
	'resource',
	{
		id: text('id').primaryKey(),
		kind: text('kind').$type<ResourceKind>().notNull(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		language: text('language').notNull(),
		themes: text('themes').array().$type<LibraryTheme[]>().notNull(),
		/** The country it is about (ISO 3166-1 alpha-2), or null: anywhere. */
		country: text('country'),
		url: text('url'),
		fileKey: text('file_key'),
		fileName: text('file_name'),
		fileType: text('file_type'),
		fileBytes: integer('file_bytes'),
		translationGroup: text('translation_group').notNull(),
		contributorId: text('contributor_id').references(() => user.id, { onDelete: 'set null' }),
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'set null'
		}),
		downloads: integer('downloads').notNull().default(0),
		search: tsvector('search').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		demo: boolean('demo').notNull().default(false)
	},
	(t) => [
		index('resource_search_idx').using('gin', t.search),
		index('resource_themes_idx').using('gin', t.themes),
		index('resource_recent_idx').on(t.createdAt),
		index('resource_group_idx').on(t.translationGroup),
		index('resource_contributor_idx').on(t.contributorId)
	]
);
