import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '../accounts/schema.ts';
import { tsvector } from '../db/types.ts';

export * from './search-schema.ts';
export * from './block-schema.ts';

export type Visibility = 'public' | 'members' | 'nobody';
export type ProfileLanguage = {
	code: string;
	level: 'native' | 'fluent' | 'intermediate' | 'basic';
};
export type ProfileLink = { url: string; label: string };
export type StoredImage = { version: string; width: number; height: number };

/**
 * A member's profile. `listed` says who may see that the profile exists (and its name); `visibility`
 * says, field by field, who may see the rest. The search columns are derived on every write from the
 * fields each audience may see, so a hidden field can never be used to find someone:
 * - `search_public` / `facets_public`: what a visitor may search and filter on;
 * - `search_members` / `facets_members`: what a signed-in member may search and filter on.
 * Facets are `origin:SY`, `res:FR`, `lang:ar`, `esco:<uri>`, `interest:<lower-case text>`.
 */
export const memberProfile = pgTable(
	'member_profile',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		headline: text('headline'),
		bio: text('bio'),
		city: text('city'),
		residenceCountry: text('residence_country'),
		originCountries: text('origin_countries')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		languages: jsonb('languages').$type<ProfileLanguage[]>().notNull().default([]),
		expertise: text('expertise')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		interests: text('interests')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		links: jsonb('links').$type<ProfileLink[]>().notNull().default([]),
		photo: jsonb('photo').$type<StoredImage | null>(),
		contentLocale: text('content_locale').notNull().default('en'),
		listed: text('listed').$type<Visibility>().notNull().default('members'),
		visibility: jsonb('visibility').$type<Record<string, Visibility>>().notNull().default({}),
		nameKey: text('name_key').notNull().default(''),
		/** SEARCH_DATA_VERSION of the rules that derived the search columns (0: before versions). */
		searchVersion: smallint('search_version').notNull().default(0),
		searchPublic: tsvector('search_public'),
		searchMembers: tsvector('search_members'),
		facetsPublic: text('facets_public')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		facetsMembers: text('facets_members')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	// The directory searches member_search (search-schema.ts), which a trigger derives from these
	// columns; only the facet indexes stay here, for the map, country counts and filter choices.
	// Partial, one per audience: a visitor's count only reads rows listed 'public', a member's only
	// rows not listed 'nobody'.
	(t) => [
		index('member_profile_facets_public_idx')
			.using('gin', t.facetsPublic)
			.where(sql`${t.listed} = 'public'`),
		index('member_profile_facets_members_idx')
			.using('gin', t.facetsMembers)
			.where(sql`${t.listed} <> 'nobody'`)
	]
);
