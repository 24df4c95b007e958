import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * ESCO occupations and skills, one row per concept and language. The ESCO URI is the identifier, so
 * a full release in 28 languages imports into the same table. `search_key` is the unaccented,
 * lower-cased preferred and alternative labels, for trigram autocomplete.
 */
export const escoConcept = pgTable(
	'esco_concept',
	{
		uri: text('uri').notNull(),
		language: text('language').notNull(),
		kind: text('kind').$type<'occupation' | 'skill'>().notNull(),
		preferredLabel: text('preferred_label').notNull(),
		altLabels: text('alt_labels')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		iscoCode: text('isco_code'),
		searchKey: text('search_key').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.uri, t.language] }),
		index('esco_concept_search_trgm_idx').using('gin', sql`${t.searchKey} gin_trgm_ops`)
	]
);
