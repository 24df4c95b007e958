import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import tzLookup from '@photostructure/tz-lookup';
import { COUNTRY_CODES, countryName } from '#lib/members/codes.ts';
import type { Db } from '../db/client.ts';
import { searchKey } from '../search/normalise.ts';
import { gazetteerName, gazetteerPlace } from './schema.ts';

export type Place = {
	id: number;
	/** In the reader's language where the gazetteer has it. */
	name: string;
	country: string;
	latitude: number;
	longitude: number;
	population: number;
};

const LANGUAGES = ['en', 'fr', 'es', 'ar'];

/** Country names in the four languages, by search key: "france", "فرنسا", "espana" → FR, ES. */
const countryByKey = new Map(
	COUNTRY_CODES.flatMap((code) => [
		[code.toLowerCase(), code] as const,
		...LANGUAGES.map((l) => [searchKey(countryName(code, l)), code] as const)
	])
);

/** "Lyon, France", "Madrid ES", "ليون فرنسا": the town's words and the country they end with. */
export function splitCountry(text: string): { town: string; country: string | null } {
	const key = searchKey(text);
	const words = key.split(' ');
	for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
		const country = countryByKey.get(words.slice(-n).join(' '));
		if (country) return { town: words.slice(0, -n).join(' '), country };
	}
	return { town: key, country: null };
}

const columns = {
	id: gazetteerPlace.id,
	name: gazetteerPlace.name,
	country: gazetteerPlace.country,
	latitude: gazetteerPlace.latitude,
	longitude: gazetteerPlace.longitude,
	population: gazetteerPlace.population
};

/** The name to show in `locale`, else the gazetteer's own. */
async function named(db: Db, places: Place[], locale: string): Promise<Place[]> {
	if (!places.length || locale === 'en') return places;
	const rows = await db
		.select({ placeId: gazetteerName.placeId, name: gazetteerName.name })
		.from(gazetteerName)
		.where(
			and(
				inArray(
					gazetteerName.placeId,
					places.map((p) => p.id)
				),
				eq(gazetteerName.language, locale)
			)
		);
	const byId = new Map(rows.map((r) => [r.placeId, r.name]));
	return places.map((p) => ({ ...p, name: byId.get(p.id) ?? p.name }));
}

/**
 * The town a person means ("Lyon", "villeurbanne", "باريس", "Lyon, France"): its name or a name in
 * another language, equal once normalised (accents, case, Arabic letter forms); the most populous
 * one when several share the name, within the country when one is named.
 */
export async function findPlace(
	db: Db,
	text: string,
	opts: { country?: string | null; locale?: string } = {}
): Promise<Place | null> {
	const split = splitCountry(text);
	const key = split.town;
	const country = opts.country || split.country;
	if (!key) return null;
	// By its own name, or by a name in another language: two index reads, the larger town first.
	const inCountry = country ? eq(gazetteerPlace.country, country) : undefined;
	const own = db
		.select(columns)
		.from(gazetteerPlace)
		.where(and(eq(gazetteerPlace.nameKey, key), inCountry));
	const other = db
		.select(columns)
		.from(gazetteerPlace)
		.innerJoin(gazetteerName, eq(gazetteerName.placeId, gazetteerPlace.id))
		.where(and(eq(gazetteerName.key, key), inCountry));
	const [place] = await unionAll(own, other)
		.orderBy(desc(sql`population`))
		.limit(1);
	if (!place) return null;
	return (await named(db, [place], opts.locale ?? 'en'))[0];
}

/** Towns whose names resemble `text` (a typo, a partial name), the most populous first. */
export async function suggestPlaces(db: Db, text: string, opts: { locale?: string } = {}) {
	const { town } = splitCountry(text);
	if (town.length < 3) return [];
	const rows = await db
		.select(columns)
		.from(gazetteerPlace)
		.where(sql`${gazetteerPlace.nameKey} % ${town}`)
		.orderBy(
			sql`similarity(${gazetteerPlace.nameKey}, ${town}) desc`,
			desc(gazetteerPlace.population)
		)
		.limit(5);
	return named(db, rows, opts.locale ?? 'en');
}

/** The IANA time zone at a point (an offline lookup of the time zone boundaries); null off the map. */
export function timeZoneAt(latitude: number, longitude: number): string | null {
	try {
		return tzLookup(latitude, longitude);
	} catch {
		return null; // out-of-range coordinates (some imports carry them)
	}
}
