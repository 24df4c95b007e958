import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisation } from '../../organisations/schema.ts';
import { publicOrganisation } from '../../organisations/public.ts';
import {
	organisationHsds,
	service,
	serviceAtLocation,
	serviceLocation,
	taxonomy,
	taxonomyTerm
} from '../schema.ts';

/** An HSDS object as served and exported. */
export type HsdsObject = Record<string, unknown>;

export type ServiceRow = Pick<
	typeof service.$inferSelect,
	'id' | 'organisationId' | 'status' | 'doc' | 'updatedAt' | 'verifiedAt'
>;
export type LinkRow = Pick<
	typeof serviceAtLocation.$inferSelect,
	'id' | 'serviceId' | 'locationId' | 'doc'
>;
type TaxonomyRow = typeof taxonomy.$inferSelect;
type TermRow = typeof taxonomyTerm.$inferSelect;

/** The columns toHsdsService needs, for callers selecting services themselves. */
export const SERVICE_COLUMNS = {
	id: service.id,
	organisationId: service.organisationId,
	status: service.status,
	doc: service.doc,
	updatedAt: service.updatedAt,
	verifiedAt: service.verifiedAt
};

/**
 * The public may see a service once it is published and its organisation approved: the one rule
 * for the HSDS API and the export.
 */
export function visibleService() {
	return sql`(${service.published} and exists (select 1 from ${organisation} where ${organisation.id} = ${service.organisationId} and ${publicOrganisation()}))`;
}

/** HSDS allows no nulls: absent values are left out, at every depth. */
export function withoutNulls<T>(value: T): T {
	if (Array.isArray(value))
		return value.filter((v) => v !== null && v !== undefined).map(withoutNulls) as T;
	if (typeof value !== 'object' || value === null) return value;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value))
		if (v !== null && v !== undefined) out[k] = withoutNulls(v);
	return out as T;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/;
const isDateTime = (v: unknown) =>
	typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v));

function chunks<T>(list: T[], size = 1000): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/** HSDS organizations from Passerelle organisations and the HSDS fields kept from imports. */
export async function organizationsById(db: Db, ids: string[]): Promise<Map<string, HsdsObject>> {
	const out = new Map<string, HsdsObject>();
	for (const part of chunks([...new Set(ids)])) {
		const rows = await db
			.select({
				id: organisation.id,
				name: organisation.name,
				description: organisation.description,
				website: organisation.website,
				demo: organisation.demo,
				extra: organisationHsds.doc
			})
			.from(organisation)
			.leftJoin(organisationHsds, eq(organisationHsds.organisationId, organisation.id))
			.where(inArray(organisation.id, part));
		for (const r of rows) {
			const extra = withoutNulls({ ...((r.extra as HsdsObject | null) ?? {}) });
			for (const key of ['id', 'name', 'description', 'locations', 'services', 'demo'])
				delete extra[key];
			const doc: HsdsObject = { id: r.id, name: r.name, description: r.description, ...extra };
			if (r.website) doc.website = r.website;
			// Not an HSDS field (HSDS objects take extra properties): example content says so.
			if (r.demo) doc.demo = true;
			out.set(r.id, doc);
		}
	}
	return out;
}

/** Service_at_locations with their nested location, by id of service. */
export async function linksByService(
	db: Db,
	serviceIds: string[]
): Promise<Map<string, HsdsObject[]>> {
	const out = new Map<string, HsdsObject[]>();
	for (const part of chunks([...new Set(serviceIds)])) {
		const rows = await db
			.select({
				id: serviceAtLocation.id,
				serviceId: serviceAtLocation.serviceId,
				locationId: serviceAtLocation.locationId,
				doc: serviceAtLocation.doc
			})
			.from(serviceAtLocation)
			.where(inArray(serviceAtLocation.serviceId, part))
			.orderBy(asc(serviceAtLocation.id));
		const links = await hsdsLinks(db, rows);
		rows.forEach((r, i) => out.set(r.serviceId, [...(out.get(r.serviceId) ?? []), links[i]]));
	}
	return out;
}

/** HSDS service_at_locations (with the nested location) from stored links. */
export async function hsdsLinks(db: Db, rows: LinkRow[]): Promise<HsdsObject[]> {
	const locations = new Map<string, HsdsObject>();
	for (const part of chunks([...new Set(rows.map((r) => r.locationId))])) {
		const found = await db
			.select({
				id: serviceLocation.id,
				organisationId: serviceLocation.organisationId,
				doc: serviceLocation.doc
			})
			.from(serviceLocation)
			.where(inArray(serviceLocation.id, part));
		for (const l of found) locations.set(l.id, hsdsLocation(l));
	}
	return rows.map((r) => ({
		...withoutNulls(r.doc),
		id: r.id,
		service_id: r.serviceId,
		location_id: r.locationId,
		location: locations.get(r.locationId)
	}));
}

export function hsdsLocation(row: {
	id: string;
	organisationId: string | null;
	doc: HsdsObject;
}): HsdsObject {
	const doc: HsdsObject = { ...withoutNulls(row.doc), id: row.id };
	if (row.organisationId) doc.organization_id = row.organisationId;
	return doc;
}

/**
 * Full HSDS services: the stored document, its organization and its service_at_locations with
 * their locations. `last_modified` is always a date-time; a curator's check date becomes
 * `assured_date` when the document has none.
 */
export async function hsdsServices(
	db: Db,
	rows: ServiceRow[],
	opts: { organization?: boolean } = { organization: true }
): Promise<HsdsObject[]> {
	const organizations = opts.organization
		? await organizationsById(
				db,
				rows.map((r) => r.organisationId)
			)
		: new Map<string, HsdsObject>();
	const links = await linksByService(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((row) => {
		const doc: HsdsObject = withoutNulls(structuredClone(row.doc));
		doc.id = row.id;
		doc.organization_id = row.organisationId;
		doc.status = row.status;
		if (!isDateTime(doc.last_modified)) doc.last_modified = row.updatedAt.toISOString();
		if (!doc.assured_date && row.verifiedAt)
			doc.assured_date = row.verifiedAt.toISOString().slice(0, 10);
		const organization = organizations.get(row.organisationId);
		if (organization) doc.organization = organization;
		doc.service_at_locations = links.get(row.id) ?? [];
		return doc;
	});
}

/** One full HSDS service (see hsdsServices). */
export async function toHsdsService(db: Db, row: ServiceRow): Promise<HsdsObject> {
	const [doc] = await hsdsServices(db, [row]);
	return doc;
}

export function hsdsTaxonomy(row: TaxonomyRow): HsdsObject {
	return withoutNulls({
		id: row.id,
		name: row.name,
		description: row.description,
		uri: row.uri,
		version: row.version
	});
}

export function hsdsTaxonomyTerm(row: TermRow, taxonomyRow?: TaxonomyRow | null): HsdsObject {
	return withoutNulls({
		id: row.id,
		code: row.code,
		name: row.name,
		description: row.description,
		parent_id: row.parentId,
		taxonomy_id: row.taxonomyId,
		taxonomy_detail: taxonomyRow ? hsdsTaxonomy(taxonomyRow) : null,
		language: row.language,
		term_uri: row.termUri
	});
}
