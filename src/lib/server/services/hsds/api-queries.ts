import { and, asc, count, eq, gte, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { textId } from '#lib/http/ids.ts';
import type { Db } from '../../db/client.ts';
import { organisation } from '../../organisations/schema.ts';
import { publicOrganisation } from '../../organisations/public.ts';
import { prefixQuery } from '../../search/text-match.ts';
import { searchKey } from '../../search/normalise.ts';
import { service, serviceAtLocation, taxonomy, taxonomyTerm } from '../schema.ts';
import {
	hsdsLinks,
	hsdsServices,
	hsdsTaxonomy,
	hsdsTaxonomyTerm,
	organizationsById,
	SERVICE_COLUMNS,
	visibleService,
	type HsdsObject
} from './to-hsds.ts';

/**
 * The read-only HSDS 3.1 API (routes under /api/hsds): what the public may see of the service
 * directory, no more. Services show once published by an approved organisation; organizations
 * and service_at_locations only through such services. Nothing here reads referrals.
 */

// Query-string ids go through the one id parser: a NUL byte or a control character is a 400.
const id = textId;

/** The query string of every list endpoint (HSDS names; parameters it does not know are ignored). */
export const hsdsQuery = z
	.object({
		search: z.string().trim().max(200).optional(),
		page: z.coerce.number().int().min(1).max(100_000).default(1),
		per_page: z.coerce.number().int().min(1).max(100).default(50),
		taxonomy_term_id: id.optional(),
		taxonomy_id: id.optional(),
		organization_id: id.optional(),
		parent_id: id.optional(),
		top_only: z
			.enum(['true', 'false'])
			.transform((v) => v === 'true')
			.optional(),
		modified_after: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
		/** A postal code: services at a place with that postcode (or around it, with `proximity`). */
		postcode: z
			.string()
			.trim()
			.max(20)
			.regex(/^[\p{L}\p{N} -]+$/u, 'a postcode is letters, digits, spaces and hyphens')
			.optional(),
		/** Metres from the centre of the postcode's places (HSDS API reference). */
		proximity: z.coerce.number().int().min(1).max(1_000_000).optional()
	})
	.refine((q) => q.proximity === undefined || q.postcode !== undefined, {
		message: 'proximity is measured from a postcode: give postcode too',
		path: ['proximity']
	});
export type HsdsQuery = z.output<typeof hsdsQuery>;

export function parseHsdsQuery(url: URL) {
	return hsdsQuery.safeParse(
		Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ''))
	);
}

/** The HSDS pagination envelope. */
export type HsdsPage = {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: HsdsObject[];
};

export function hsdsPage(contents: HsdsObject[], total: number, q: HsdsQuery): HsdsPage {
	const totalPages = Math.ceil(total / q.per_page);
	return {
		total_items: total,
		total_pages: totalPages,
		page_number: q.page,
		size: contents.length,
		first_page: q.page === 1,
		last_page: q.page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}

const offset = (q: HsdsQuery) => (q.page - 1) * q.per_page;
const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A postcode as compared: without spaces, in capitals ("69 003", "sw1a 1aa" → "69003", "SW1A1AA"). */
const postcodeKey = (postcode: string) => postcode.replace(/[\s-]/g, '').toUpperCase();

/** Whether the place `locationId` names has the postcode among its addresses. */
const hasPostcode = (location: SQL, key: string) =>
	sql`exists (select 1 from service_location pl, jsonb_array_elements(coalesce(pl.doc->'addresses', '[]'::jsonb)) a
		where pl.id = ${location} and upper(regexp_replace(coalesce(a->>'postal_code', ''), '[[:space:]-]', '', 'g')) = ${key})`;

/**
 * The place `location` is at the postcode (HSDS `postcode`), or within `proximity` metres of the
 * centre of the places that have it: Passerelle has no postcode list of its own, so a postcode no
 * place has finds nothing.
 */
function atPostcode(location: SQL, q: HsdsQuery): SQL | undefined {
	if (!q.postcode) return undefined;
	const key = postcodeKey(q.postcode);
	if (q.proximity === undefined) return hasPostcode(location, key);
	return sql`exists (select 1 from service_location l,
		(select avg(c.latitude) lat, avg(c.longitude) lon from service_location c
			where c.latitude is not null and ${hasPostcode(sql`c.id`, key)}) centre
		where l.id = ${location} and l.latitude is not null and centre.lat is not null
			and 12742000 * asin(sqrt(power(sin(radians(l.latitude - centre.lat) / 2), 2)
				+ cos(radians(centre.lat)) * cos(radians(l.latitude))
				* power(sin(radians(l.longitude - centre.lon) / 2), 2))) <= ${q.proximity})`;
}

/** Visible services matching the query's service filters (also used for their organizations and links). */
function serviceFilter(q: HsdsQuery, opts: { modified?: boolean } = { modified: true }): SQL {
	const conditions: SQL[] = [visibleService()];
	const key = q.search ? searchKey(q.search) : '';
	if (key) conditions.push(sql`${service.search} @@ to_tsquery('simple', ${prefixQuery(key)})`);
	if (q.taxonomy_term_id)
		conditions.push(sql`${service.termIds} @> array[${q.taxonomy_term_id}]::text[]`);
	if (q.taxonomy_id)
		conditions.push(
			sql`exists (select 1 from ${taxonomyTerm} where ${taxonomyTerm.id} = any(${service.termIds}) and ${taxonomyTerm.taxonomyId} = ${q.taxonomy_id})`
		);
	if (q.organization_id) conditions.push(eq(service.organisationId, q.organization_id));
	if (q.modified_after && opts.modified)
		conditions.push(gte(service.updatedAt, new Date(q.modified_after)));
	const place = atPostcode(sql`x.location_id`, q);
	if (place)
		conditions.push(
			sql`exists (select 1 from service_at_location x where x.service_id = ${service.id} and ${place})`
		);
	return and(...conditions) as SQL;
}

export async function listServices(db: Db, q: HsdsQuery): Promise<HsdsPage> {
	const where = serviceFilter(q);
	const [{ total }] = await db.select({ total: count() }).from(service).where(where);
	const rows = await db
		.select(SERVICE_COLUMNS)
		.from(service)
		.where(where)
		.orderBy(asc(service.nameKey), asc(service.id))
		.limit(q.per_page)
		.offset(offset(q));
	return hsdsPage(await hsdsServices(db, rows), total, q);
}

export async function getService(db: Db, serviceId: string): Promise<HsdsObject | null> {
	const rows = await db
		.select(SERVICE_COLUMNS)
		.from(service)
		.where(and(eq(service.id, serviceId), visibleService()));
	return rows.length ? (await hsdsServices(db, rows))[0] : null;
}

/** Approved organisations with at least one visible service (matching the query's filters). */
function organisationFilter(q: HsdsQuery): SQL {
	const services = serviceFilter({ ...q, search: undefined, organization_id: undefined }, {});
	const conditions: SQL[] = [
		publicOrganisation(),
		sql`exists (select 1 from ${service} where ${service.organisationId} = ${organisation.id} and ${services})`
	];
	const key = q.search ? searchKey(q.search) : '';
	if (key)
		conditions.push(
			sql`to_tsvector('simple', ${organisation.nameKey}) @@ to_tsquery('simple', ${prefixQuery(key)})`
		);
	if (q.modified_after) conditions.push(gte(organisation.updatedAt, new Date(q.modified_after)));
	return and(...conditions) as SQL;
}

export async function listOrganizations(db: Db, q: HsdsQuery): Promise<HsdsPage> {
	const where = organisationFilter(q);
	const [{ total }] = await db.select({ total: count() }).from(organisation).where(where);
	const rows = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(where)
		.orderBy(asc(organisation.nameKey), asc(organisation.id))
		.limit(q.per_page)
		.offset(offset(q));
	const docs = await organizationsById(
		db,
		rows.map((r) => r.id)
	);
	return hsdsPage(
		rows.map((r) => docs.get(r.id) as HsdsObject),
		total,
		q
	);
}

/** An organization with its visible services in full (HSDS organization_full). */
export async function getOrganization(db: Db, organizationId: string): Promise<HsdsObject | null> {
	const [row] = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(and(eq(organisation.id, organizationId), organisationFilter(hsdsQuery.parse({}))));
	if (!row) return null;
	const doc = (await organizationsById(db, [row.id])).get(row.id) as HsdsObject;
	const rows = await db
		.select(SERVICE_COLUMNS)
		.from(service)
		.where(and(eq(service.organisationId, row.id), visibleService()))
		.orderBy(asc(service.nameKey), asc(service.id));
	return { ...doc, services: await hsdsServices(db, rows, { organization: false }) };
}

function linkFilter(q: HsdsQuery): SQL {
	// The link's own place must be at the postcode, not merely one of its service's places.
	const conditions = [serviceFilter({ ...q, postcode: undefined, proximity: undefined }, {})];
	const place = atPostcode(sql`${serviceAtLocation.locationId}`, q);
	if (place) conditions.push(place);
	if (q.modified_after) {
		const after = new Date(q.modified_after);
		conditions.push(
			or(gte(service.updatedAt, after), gte(serviceAtLocation.updatedAt, after)) as SQL
		);
	}
	return and(...conditions) as SQL;
}

const LINK_COLUMNS = {
	id: serviceAtLocation.id,
	serviceId: serviceAtLocation.serviceId,
	locationId: serviceAtLocation.locationId,
	doc: serviceAtLocation.doc
};

export async function listServiceAtLocations(db: Db, q: HsdsQuery): Promise<HsdsPage> {
	const where = linkFilter(q);
	const [{ total }] = await db
		.select({ total: count() })
		.from(serviceAtLocation)
		.innerJoin(service, eq(service.id, serviceAtLocation.serviceId))
		.where(where);
	const rows = await db
		.select(LINK_COLUMNS)
		.from(serviceAtLocation)
		.innerJoin(service, eq(service.id, serviceAtLocation.serviceId))
		.where(where)
		.orderBy(asc(serviceAtLocation.id))
		.limit(q.per_page)
		.offset(offset(q));
	return hsdsPage(await hsdsLinks(db, rows), total, q);
}

/** A service_at_location with its location and its service (HSDS service_at_location_full). */
export async function getServiceAtLocation(db: Db, linkId: string): Promise<HsdsObject | null> {
	const [row] = await db
		.select(LINK_COLUMNS)
		.from(serviceAtLocation)
		.innerJoin(service, eq(service.id, serviceAtLocation.serviceId))
		.where(and(eq(serviceAtLocation.id, linkId), visibleService()));
	if (!row) return null;
	const [link] = await hsdsLinks(db, [row]);
	const full = await getService(db, row.serviceId);
	if (!full) return null;
	// The service is nested in its link here; its other links are served on their own.
	delete full.service_at_locations;
	return { ...link, service: full };
}

export async function listTaxonomies(db: Db, q: HsdsQuery): Promise<HsdsPage> {
	const where = q.search ? ilike(taxonomy.name, like(q.search)) : undefined;
	const [{ total }] = await db.select({ total: count() }).from(taxonomy).where(where);
	const rows = await db
		.select()
		.from(taxonomy)
		.where(where)
		.orderBy(asc(taxonomy.name), asc(taxonomy.id))
		.limit(q.per_page)
		.offset(offset(q));
	return hsdsPage(rows.map(hsdsTaxonomy), total, q);
}

export async function getTaxonomy(db: Db, taxonomyId: string): Promise<HsdsObject | null> {
	const [row] = await db.select().from(taxonomy).where(eq(taxonomy.id, taxonomyId));
	return row ? hsdsTaxonomy(row) : null;
}

function termFilter(q: HsdsQuery) {
	const conditions: SQL[] = [];
	if (q.search)
		conditions.push(
			or(ilike(taxonomyTerm.name, like(q.search)), ilike(taxonomyTerm.code, like(q.search))) as SQL
		);
	if (q.taxonomy_id) conditions.push(eq(taxonomyTerm.taxonomyId, q.taxonomy_id));
	if (q.parent_id) conditions.push(eq(taxonomyTerm.parentId, q.parent_id));
	if (q.top_only) conditions.push(isNull(taxonomyTerm.parentId));
	return conditions.length ? and(...conditions) : undefined;
}

async function termsWithTaxonomy(rows: (typeof taxonomyTerm.$inferSelect)[], db: Db) {
	const taxonomies = new Map((await db.select().from(taxonomy)).map((t) => [t.id, t]));
	return rows.map((r) => hsdsTaxonomyTerm(r, r.taxonomyId ? taxonomies.get(r.taxonomyId) : null));
}

export async function listTaxonomyTerms(db: Db, q: HsdsQuery): Promise<HsdsPage> {
	const where = termFilter(q);
	const [{ total }] = await db.select({ total: count() }).from(taxonomyTerm).where(where);
	const rows = await db
		.select()
		.from(taxonomyTerm)
		.where(where)
		.orderBy(asc(taxonomyTerm.name), asc(taxonomyTerm.id))
		.limit(q.per_page)
		.offset(offset(q));
	return hsdsPage(await termsWithTaxonomy(rows, db), total, q);
}

export async function getTaxonomyTerm(db: Db, termId: string): Promise<HsdsObject | null> {
	const rows = await db.select().from(taxonomyTerm).where(eq(taxonomyTerm.id, termId));
	return rows.length ? (await termsWithTaxonomy(rows, db))[0] : null;
}
