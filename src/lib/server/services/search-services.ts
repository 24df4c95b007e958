import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { DEFAULT_RADIUS_KM, type ServiceQuery } from '#lib/services/search-query.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { publicOrganisation } from '../organisations/public.ts';
import { searchKey } from '../search/normalise.ts';
import { prefixQuery, wordsOrSimilarName } from '../search/text-match.ts';
import { service, serviceAtLocation, serviceLocation, serviceOpening } from './schema.ts';
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

/** Each service's nearest location within `radiusKm` of a point, with the distance in km. */
function nearby(db: Db, origin: { lat: number; lon: number }, radiusKm: number) {
	const { lat, lon } = origin;
	const dLat = radiusKm / 111.2;
	const dLon = Math.min(180, radiusKm / (111.2 * Math.max(0.01, Math.cos((lat * Math.PI) / 180))));
	const km = sql<number>`min(6371 * 2 * asin(sqrt(
		power(sin(radians(${serviceAtLocation.latitude} - ${lat}) / 2), 2)
		+ cos(radians(${lat})) * cos(radians(${serviceAtLocation.latitude}))
		* power(sin(radians(${serviceAtLocation.longitude} - ${lon}) / 2), 2))))`;
	return db
		.select({ serviceId: serviceAtLocation.serviceId, km: km.as('km') })
		.from(serviceAtLocation)
		.where(
			and(
				sql`${serviceAtLocation.latitude} between ${lat - dLat} and ${lat + dLat}`,
				sql`${serviceAtLocation.longitude} between ${lon - dLon} and ${lon + dLon}`
			)
		)
		.groupBy(serviceAtLocation.serviceId)
		.as('near');
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
		publicOrganisation(),
		inArray(service.status, LISTED_STATUSES)
	];
	const key = searchKey(query.q);
	const order: SQL[] = [];
	if (key) {
		const tsq = prefixQuery(key);
		where.push(wordsOrSimilarName(service.search, service.nameKey, key));
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
	// Around a place: the nearest location of each service within the radius, found through a
	// bounding box on the locations' coordinates (indexed), then the exact great-circle distance.
	// Services without any place (helplines, online services) follow the nearby ones.
	const radius = query.radius ?? DEFAULT_RADIUS_KM;
	const near = origin ? nearby(db, origin, radius) : null;
	if (near)
		where.push(
			sql`(${near.km} <= ${radius} or not exists (select 1 from service_at_location x where x.service_id = ${service.id}))`
		);
	if (near) order.unshift(sql`${near.km} asc nulls last`);
	order.push(sql`${service.name} asc`, sql`${service.id} asc`);
	// First the page's ids and the count, reading only the search columns; then the documents of
	// those 20 services.
	const base = db
		.select({
			id: service.id,
			distanceKm: near ? near.km : sql<number | null>`null::float8`,
			total: sql<number>`count(*) over ()`
		})
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.$dynamic();
	const ranked = await (near ? base.leftJoin(near, eq(near.serviceId, service.id)) : base)
		.where(and(...where))
		.orderBy(...order)
		.limit(query.per_page)
		.offset((query.page - 1) * query.per_page);
	const details = ranked.length
		? await db
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
					organisationSlug: organisation.slug
				})
				.from(service)
				.innerJoin(organisation, eq(organisation.id, service.organisationId))
				.where(
					inArray(
						service.id,
						ranked.map((r) => r.id)
					)
				)
		: [];
	const byId = new Map(details.map((d) => [d.id, d]));
	const rows = ranked.map((r) => ({
		...byId.get(r.id)!,
		distanceKm: r.distanceKm,
		total: r.total
	}));
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
