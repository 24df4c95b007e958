import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import type { ServiceQuery } from '#lib/services/search-query.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../members/schema.ts';
import { searchKey } from '../search/normalise.ts';
import { prefixQuery } from '../members/search-members.ts';
import { service, serviceLocation, serviceOpening } from './schema.ts';
import { isOpenAt } from './openings.ts';
import { textsFor } from './service-texts.ts';

/** Statuses a person can still act on; inactive and defunct services are not listed. */
export const LISTED_STATUSES = ['active', 'temporarily closed'];

export function termIdFor(need: string): string | null {
	if (!need) return null;
	const known = DEFAULT_TERMS.find((t) => t.code === need);
	if (known) return known.id;
	return /^[0-9a-f-]{36}$/i.test(need) ? need.toLowerCase() : null;
}

/** Is the service open at `at`, in the time zone of each opening interval (see openings.ts). */
export function openAtSql(at: Date): SQL {
	const iso = at.toISOString();
	return sql`exists (select 1 from service_opening o where o.service_id = ${service.id}
		and o.dow = extract(isodow from (${iso}::timestamptz at time zone o.time_zone))
		and o.opens <= extract(hour from (${iso}::timestamptz at time zone o.time_zone)) * 60
			+ extract(minute from (${iso}::timestamptz at time zone o.time_zone))
		and o.closes > extract(hour from (${iso}::timestamptz at time zone o.time_zone)) * 60
			+ extract(minute from (${iso}::timestamptz at time zone o.time_zone))
		and (o.valid_from is null or o.valid_from = '' or (${iso}::timestamptz at time zone o.time_zone)::date >= o.valid_from::date)
		and (o.valid_to is null or o.valid_to = '' or (${iso}::timestamptz at time zone o.time_zone)::date <= o.valid_to::date))`;
}

/** Great-circle distance in km from a point to the service's nearest location. */
function distanceSql(lat: number, lon: number): SQL<number | null> {
	return sql<number | null>`(select min(6371 * 2 * asin(sqrt(
		power(sin(radians(sal.latitude - ${lat}) / 2), 2)
		+ cos(radians(${lat})) * cos(radians(sal.latitude)) * power(sin(radians(sal.longitude - ${lon}) / 2), 2))))
		from service_at_location sal where sal.service_id = ${service.id} and sal.latitude is not null)`;
}

/** A place typed as words: the centre of the known locations in that city. */
export async function geocodeCity(db: Db, place: string) {
	const key = searchKey(place);
	if (!key) return null;
	const [row] = await db
		.select({
			lat: sql<number | null>`avg(${serviceLocation.latitude})`,
			lon: sql<number | null>`avg(${serviceLocation.longitude})`
		})
		.from(serviceLocation)
		.where(and(eq(serviceLocation.cityKey, key), sql`${serviceLocation.latitude} is not null`));
	return row?.lat != null && row.lon != null
		? { lat: Number(row.lat), lon: Number(row.lon) }
		: null;
}

export type ServiceHit = Awaited<ReturnType<typeof searchServices>>['items'][number];

/**
 * The public service search: published services of approved organisations, by words, need, place
 * (sorted by distance), language, open now, free of charge and age.
 */
export async function searchServices(
	db: Db,
	query: ServiceQuery,
	opts: { locale: string; at?: Date; origin?: { lat: number; lon: number } | null }
) {
	const at = opts.at ?? new Date();
	const where: SQL[] = [
		eq(service.published, true),
		eq(organisation.status, 'approved'),
		inArray(service.status, LISTED_STATUSES)
	];
	const key = searchKey(query.q);
	const order: SQL[] = [];
	if (key) {
		const tsq = prefixQuery(key);
		where.push(
			sql`(${service.search} @@ to_tsquery('simple', ${tsq}) or ${key} <% ${service.nameKey})`
		);
		order.push(
			sql`greatest(word_similarity(${key}, ${service.nameKey}), ts_rank(${service.search}, to_tsquery('simple', ${tsq}))) desc`
		);
	}
	const term = termIdFor(query.need);
	if (query.need && !term) where.push(sql`false`);
	if (term) where.push(sql`${service.termIds} @> array[${term}]::text[]`);
	if (query.language) where.push(sql`${service.languages} @> array[${query.language}]::text[]`);
	if (query.free) where.push(eq(service.free, true));
	if (query.age !== null)
		where.push(
			sql`(${service.minimumAge} is null or ${service.minimumAge} <= ${query.age}) and (${service.maximumAge} is null or ${service.maximumAge} >= ${query.age})`
		);
	if (query.open) where.push(openAtSql(at));
	const origin = opts.origin ?? null;
	const distance = origin ? distanceSql(origin.lat, origin.lon) : sql<number | null>`null::float8`;
	if (origin && query.radius) where.push(sql`${distance} <= ${query.radius}`);
	if (origin) order.unshift(sql`${distance} asc nulls last`);
	order.push(sql`${service.name} asc`, sql`${service.id} asc`);
	const rows = await db
		.select({
			id: service.id,
			shortCode: service.shortCode,
			doc: service.doc,
			contentLocale: service.contentLocale,
			translations: service.translations,
			status: service.status,
			termIds: service.termIds,
			languages: service.languages,
			free: service.free,
			verifiedAt: service.verifiedAt,
			organisationName: organisation.name,
			organisationSlug: organisation.slug,
			distanceKm: distance,
			total: sql<number>`count(*) over ()`
		})
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(and(...where))
		.orderBy(...order)
		.limit(query.per_page)
		.offset((query.page - 1) * query.per_page);
	const total = rows.length ? Number(rows[0].total) : 0;
	// "Open now" for the page's rows only, by the same rule in TypeScript (openings.ts).
	const openings = rows.length
		? await db
				.select()
				.from(serviceOpening)
				.where(
					inArray(
						serviceOpening.serviceId,
						rows.map((r) => r.id)
					)
				)
		: [];
	const byService = Map.groupBy(openings, (o) => o.serviceId);
	return {
		total,
		pages: Math.max(1, Math.ceil(total / query.per_page)),
		items: rows.map((r) => {
			const texts = textsFor(r, opts.locale);
			return {
				id: r.id,
				shortCode: r.shortCode,
				name: texts.name,
				summary: texts.description.slice(0, 220),
				language: texts.language,
				status: r.status,
				termIds: r.termIds,
				languages: r.languages,
				free: r.free,
				verifiedAt: r.verifiedAt,
				organisationName: r.organisationName,
				organisationSlug: r.organisationSlug,
				distanceKm: r.distanceKm === null ? null : Number(r.distanceKm),
				openNow: isOpenAt(byService.get(r.id) ?? [], at)
			};
		})
	};
}
