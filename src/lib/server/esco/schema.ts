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

/**
 * ESCO's hierarchy between concepts of one pillar: occupation under occupation, skill under skill
 * (ESCO's broaderRelations files; groups are not concepts and are left out). The directory's skill
 * filter follows it down, so "engineer" also finds the concepts filed under a matching one.
 */
export const escoBroader = pgTable(
	'esco_broader',
	{
		uri: text('uri').notNull(),
		broader: text('broader').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.uri, t.broader] }),
		index('esco_broader_broader_idx').on(t.broader)
	]
);

/**
 * Which skills an occupation needs (`essential`) or may use (`optional`): ESCO's
 * occupationSkillRelations files. Matching counts a skill that a person's occupation implies.
 */
export const escoOccupationSkill = pgTable(
	'esco_occupation_skill',
	{
		occupationUri: text('occupation_uri').notNull(),
		skillUri: text('skill_uri').notNull(),
		relation: text('relation').$type<'essential' | 'optional'>().notNull()
	},
	(t) => [
		primaryKey({ columns: [t.occupationUri, t.skillUri] }),
		index('esco_occupation_skill_skill_idx').on(t.skillUri)
	]
);
