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

/**
 * findPlace for several texts at once (the ways a search's words may end or begin with a town):
 * one pair of index reads for all the names that give no country, one findPlace for each that
 * does. The answer maps each text to its town, or null.
 */
export async function findPlaces(
	db: Db,
	texts: string[],
	opts: { locale?: string } = {}
): Promise<Map<string, Place | null>> {
	const out = new Map<string, Place | null>();
	const plain = new Map<string, string[]>();
	for (const text of new Set(texts)) {
		const split = splitCountry(text);
		if (!split.town) out.set(text, null);
		else if (split.country) out.set(text, await findPlace(db, text, opts));
		else plain.set(split.town, [...(plain.get(split.town) ?? []), text]);
	}
	if (!plain.size) return out;
	const keys = [...plain.keys()];
	const own = db
		.select({ ...columns, key: gazetteerPlace.nameKey })
		.from(gazetteerPlace)
		.where(inArray(gazetteerPlace.nameKey, keys));
	const other = db
		.select({ ...columns, key: gazetteerName.key })
		.from(gazetteerPlace)
		.innerJoin(gazetteerName, eq(gazetteerName.placeId, gazetteerPlace.id))
		.where(inArray(gazetteerName.key, keys));
	const rows = await unionAll(own, other);
	const best = new Map<string, Place>();
	for (const { key, ...place } of rows) {
		const seen = best.get(key);
		if (!seen || place.population > seen.population) best.set(key, place);
	}
	const found = await named(db, [...best.values()], opts.locale ?? 'en');
	const byId = new Map(found.map((p) => [p.id, p]));
	for (const [key, forTexts] of plain)
		for (const text of forTexts) out.set(text, best.has(key) ? byId.get(best.get(key)!.id)! : null);
	return out;
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
