import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { user } from '../accounts/schema.ts';
import { tsvector } from '../db/types.ts';

/**
 * The directory's search index, derived from member_profile by statement-level triggers (function
 * `member_search_sync`, migration 0005_member_search): never written by the application.
 * member_profile stays the source of truth; a profile write, a cascade from an erased account and
 * the seed all keep these tables in step within the same transaction. See docs/decisions/0013-member-search-index.md.
 *
 * One row per audience that may find the member: 'public' for profiles listed 'public' (from
 * search_public / facets_public), 'members' for profiles not listed 'nobody' (search_members /
 * facets_members). A hidden field is not in the row, so it cannot match.
 */
export const memberSearch = pgTable(
	'member_search',
	{
		audience: text('audience').$type<'public' | 'members'>().notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		nameKey: text('name_key').notNull(),
		tsv: tsvector('tsv').notNull(),
		facets: text('facets').array().notNull()
	},
	// Partial indexes per audience: the audience is a literal in every statement (search-sql.ts).
	(t) => [
		primaryKey({ columns: [t.audience, t.userId] }),
		// browse and facet pages walk this in name order and stop after the page
		index('member_search_order_idx').on(t.audience, t.nameKey, t.userId),
		index('member_search_facets_pub_idx')
			.using('gin', t.facets)
			.where(sql`${t.audience} = 'public'`),
		index('member_search_facets_mem_idx')
			.using('gin', t.facets)
			.where(sql`${t.audience} = 'members'`),
		// words with facets: one GIN intersects both inside the index
		index('member_search_fac_tsv_pub_idx')
			.using('gin', t.facets, t.tsv)
			.where(sql`${t.audience} = 'public'`),
		index('member_search_fac_tsv_mem_idx')
			.using('gin', t.facets, t.tsv)
			.where(sql`${t.audience} = 'members'`),
		index('member_search_fac_trgm_pub_idx')
			.using('gin', t.facets, sql`${t.nameKey} gin_trgm_ops`)
			.where(sql`${t.audience} = 'public'`),
		index('member_search_fac_trgm_mem_idx')
			.using('gin', t.facets, sql`${t.nameKey} gin_trgm_ops`)
			.where(sql`${t.audience} = 'members'`),
		// words found outside the name, and the capped count of text matches
		index('member_search_tsv_pub_idx')
			.using('gin', t.tsv)
			.where(sql`${t.audience} = 'public'`),
		index('member_search_tsv_mem_idx')
			.using('gin', t.tsv)
			.where(sql`${t.audience} = 'members'`)
	]
);

/**
 * Name-token postings in name order: "members whose name has token x, first k by name" is an
 * index-only range scan that stops after k rows.
 */
export const memberNameToken = pgTable(
	'member_name_token',
	{
		audience: text('audience').$type<'public' | 'members'>().notNull(),
		token: text('token').notNull(),
		nameKey: text('name_key').notNull(),
		userId: text('user_id').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.audience, t.token, t.nameKey, t.userId] }),
		index('member_name_token_user_idx').on(t.userId)
	]
);

/**
 * Every name token ever seen, for expanding a query token by prefix and by typo (trigrams). Only
 * grows: a token whose last holder left expands to an empty posting list. It holds no more than
 * the postings do, and is never shown.
 */
export const memberNameVocab = pgTable(
	'member_name_vocab',
	{ token: text('token').primaryKey() },
	(t) => [
		index('member_name_vocab_prefix_idx').on(t.token.op('text_pattern_ops')),
		index('member_name_vocab_trgm_idx').using('gin', sql`${t.token} gin_trgm_ops`)
	]
);
