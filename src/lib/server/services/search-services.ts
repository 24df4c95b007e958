import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { DEFAULT_RADIUS_KM, type ServiceQuery } from '#lib/services/search-query.ts';
import type { Db } from '../db/client.ts';
import type { HsdsService } from './hsds-types.ts';
import { searchKey } from '../search/normalise.ts';
import { prefixQuery, queryTokens } from '../search/text-match.ts';
import { serviceLocation } from './schema.ts';
import { findPlace, findPlaces } from '../places/find-place.ts';
import { rowsOf } from '../db/rows.ts';
import { isOpenAt, type Opening } from './openings.ts';
import { textsFor } from './service-texts.ts';
import type { ServiceTexts } from '#lib/services/service-form.ts';
import {
	CAP,
	WORDS_CAP,
	planePoint,
	serviceSearchStatement,
	type ServiceSearchParams,
	type ServiceShape
} from './search-sql.ts';

export { LISTED_STATUSES } from './search-sql.ts';

export function termIdFor(need: string): string | null {
	if (!need) return null;
	const known = DEFAULT_TERMS.find((t) => t.code === need);
	if (known) return known.id;
	return /^[0-9a-f-]{36}$/i.test(need) ? need.toLowerCase() : null;
}

/**
 * A place typed as words, as a point to search around and the name to show: the town in the
 * gazetteer (places/, any language it has the name in), else the centre of the known locations in
 * a town of that name (a village the gazetteer lacks).
 */
export async function geocodeCity(db: Db, place: string, locale = 'en') {
	const town = await findPlace(db, place, { locale });
	if (town) return { lat: town.latitude, lon: town.longitude, name: town.name };
	const key = searchKey(place);
	if (!key) return null;
	const [row] = await db
		.select({
			lat: sql<number | null>`avg(${serviceLocation.latitude})`,
			lon: sql<number | null>`avg(${serviceLocation.longitude})`,
			name: sql<string | null>`min(${serviceLocation.city})`
		})
		.from(serviceLocation)
		.where(and(eq(serviceLocation.cityKey, key), sql`${serviceLocation.latitude} is not null`));
	return row?.lat != null && row.lon != null
		? { lat: Number(row.lat), lon: Number(row.lon), name: row.name ?? place }
		: null;
}

/** Whether any listed service has a location within `radiusKm` of a point. */
async function servicesNear(db: Db, lat: number, lon: number, radiusKm: number) {
	const reach = radiusKm / 111.2 + 0.01;
	const x = lon * Math.cos((lat * Math.PI) / 180);
	const rows = rowsOf(
		await db.execute(sql`select 1 from service_at_location x
			join service s on s.id = x.service_id
			join organisation o on o.id = s.organisation_id and o.status = 'approved'
			where x.latitude is not null and x.longitude is not null
				and ${planePoint(sql`x.latitude`, sql`x.longitude`)} <@ box(point(${x - reach}, ${lat - reach}), point(${x + reach}, ${lat + reach}))
				and s.published and s.status in ('active', 'temporarily closed')
			limit 1`)
	);
	return rows.length > 0;
}

/**
 * Words that end or begin with a town ("legal aid lyon", "Lyon housing"): the town, and the words
 * left. Only a town of some size with services around it counts, so that "bath" or "nice" in a
 * search for showers stay words.
 */
export async function townInWords(db: Db, q: string, locale = 'en') {
	const words = searchKey(q).split(' ').filter(Boolean);
	// The ways the words may end or begin with a town, longest first: looked up together.
	const splits: [string[], string[]][] = [];
	for (let n = Math.min(3, words.length); n >= 1; n--) {
		splits.push([words.slice(-n), words.slice(0, -n)]);
		if (n < words.length) splits.push([words.slice(0, n), words.slice(n)]);
	}
	const places = await findPlaces(
		db,
		splits.map(([town]) => town.join(' ')),
		{ locale }
	);
	for (const [town, rest] of splits) {
		const place = places.get(town.join(' '));
		if (!place || place.population < 15_000) continue;
		if (!(await servicesNear(db, place.latitude, place.longitude, DEFAULT_RADIUS_KM))) continue;
		return {
			origin: { lat: place.latitude, lon: place.longitude },
			name: place.name,
			rest: rest.join(' ')
		};
	}
	return null;
}

export type ServiceHit = Awaited<ReturnType<typeof searchServices>>['items'][number];

/** What the statement returns: the page's services in order, each row also carrying the total. */
const columns = {
	pos: sql<string | null>`r.pos`,
	id: sql<string | null>`r.id`,
	km: sql<number | null>`r.km`,
	shortCode: sql<string>`r.short_code`,
	doc: sql<HsdsService>`r.doc`,
	contentLocale: sql<string>`r.content_locale`,
	translations: sql<Record<string, Partial<ServiceTexts>>>`r.translations`,
	status: sql<string>`r.status`,
	termIds: sql<string[]>`r.term_ids`,
	languages: sql<string[]>`r.languages`,
	free: sql<boolean>`r.free`,
	verifiedAt: sql<string | Date | null>`r.verified_at`,
	organisationName: sql<string>`r.organisation_name`,
	organisationSlug: sql<string>`r.organisation_slug`,
	demo: sql<boolean | null>`r.organisation_demo`,
	total: sql<string | number>`r.total`,
	openings: sql<Opening[] | string>`r.openings`
};
type Row = { [K in keyof typeof columns]: (typeof columns)[K]['_']['type'] };

/** The opening hours json_agg built: parsed by node-postgres, a string from PGlite's json. */
const openingsOf = (r: Row): Opening[] =>
	typeof r.openings === 'string' ? JSON.parse(r.openings) : r.openings;

/**
 * The public service search: published services of approved organisations, by words, need, place
 * (sorted by distance), language, open now, free of charge and age, in one statement. `total` is
 * exact up to a thousand; past that `totalIsLowerBound` is true.
 */
export async function searchServices(
	db: Db,
	query: ServiceQuery,
	opts: { locale: string; at?: Date; origin?: { lat: number; lon: number } | null }
) {
	const at = opts.at ?? new Date();
	const key = searchKey(query.q);
	const tokens = queryTokens(key);
	const term = termIdFor(query.need);
	const origin = opts.origin ?? null;
	const perPage = query.per_page;
	const empty = { total: 0, totalIsLowerBound: false, pages: 1, items: [] };
	// A need that is no term of any taxonomy finds nothing.
	if (query.need && !term) return empty;
	const shape: ServiceShape = {
		words: tokens.length > 0,
		place: origin !== null,
		need: term !== null,
		language: Boolean(query.language),
		free: query.free,
		age: query.age !== null,
		open: query.open
	};
	const values: ServiceSearchParams = {
		key: tokens.join(' '),
		tsq: prefixQuery(key),
		// "starts a word of the name", tested against ' ' || name_key (tokens hold no % or _)
		starts: tokens.map((t) => `% ${t}%`),
		contains: tokens.map((t) => `%${t}%`),
		term: term ?? '',
		language: query.language,
		age: query.age ?? 0,
		at: at.toISOString(),
		lat: origin?.lat ?? 0,
		lon: origin?.lon ?? 0,
		radius: query.radius ?? DEFAULT_RADIUS_KM,
		perPage,
		offset: (query.page - 1) * perPage
	};
	const rows = (await db
		.select(columns)
		.from(sql`(${serviceSearchStatement(shape, values)}) r`)
		.orderBy(sql`r.pos`)) as Row[];
	const counted = Number(rows[0]?.total ?? 0);
	const floor = values.offset + (shape.words ? WORDS_CAP : CAP);
	const total = Math.min(counted, floor);
	const hits = rows.filter((r) => r.id !== null);
	return {
		total,
		totalIsLowerBound: counted > floor,
		pages: Math.max(1, Math.ceil(total / perPage)),
		items: hits.map((r) => {
			const texts = textsFor(r, opts.locale);
			return {
				id: r.id!,
				shortCode: r.shortCode,
				name: texts.name,
				summary: texts.description.slice(0, 220),
				language: texts.language,
				status: r.status,
				termIds: r.termIds,
				languages: r.languages,
				free: r.free,
				verifiedAt: r.verifiedAt === null ? null : new Date(r.verifiedAt),
				organisationName: r.organisationName,
				organisationSlug: r.organisationSlug,
				demo: r.demo === true,
				distanceKm: r.km === null ? null : Number(r.km),
				openNow: isOpenAt(openingsOf(r), at)
			};
		})
	};
}
