import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { OrganisationKind } from '#lib/members/organisation-kinds.ts';
import type { Db } from '../../db/client.ts';
import { organisation } from '../../organisations/schema.ts';
import { organisationSearch, slugFor } from '../../organisations/create-organisation.ts';
import type {
	HsdsLocation,
	HsdsSchedule,
	HsdsService,
	HsdsServiceAtLocation
} from '../hsds-types.ts';
import { offsetZone } from '../openings.ts';
import {
	organisationHsds,
	service,
	serviceAtLocation,
	serviceLocation,
	taxonomy,
	taxonomyTerm
} from '../schema.ts';
import { refreshOpenings, storeLocation, storeService, storeServiceAtLocation } from '../store.ts';
import type { Bundle, Entry } from './bundle.ts';
import type { Known } from './check-bundle.ts';
import type { Tx } from '../../db/types.ts';

export type ImportCounts = {
	organizations: number;
	services: number;
	locations: number;
	serviceAtLocations: number;
	taxonomies: number;
	taxonomyTerms: number;
};

export type WriteOptions = {
	/** Zone of schedules that name none, where the location has none yet; default UTC. */
	timeZone?: string;
	/** Language of the texts of new services; default en. */
	contentLocale?: string;
};

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
const webLink = (v: unknown) => (typeof v === 'string' && /^https?:\/\//i.test(v) ? v : null);

/** Passerelle's kind of organisation from HSDS legal status; most imported providers are NGOs. */
export function kindFor(doc: Record<string, unknown>): OrganisationKind {
	const status = `${text(doc.legal_status) ?? ''} ${text(doc.tax_status) ?? ''}`.toLowerCase();
	if (/municipal|city council|local authority|mairie|ayuntamiento/.test(status))
		return 'municipality';
	if (/ministry|minist[eè]re|ministerio|government department/.test(status)) return 'ministry';
	if (/universit/.test(status)) return 'university';
	if (/international organi[sz]ation|united nations/.test(status))
		return 'international_organisation';
	return 'ngo';
}

async function writeTaxonomies(tx: Tx, b: Bundle, known: Known) {
	for (const { doc } of b.taxonomies.values()) {
		const set = {
			name: text(doc.name) ?? '',
			description: text(doc.description) ?? '',
			uri: text(doc.uri),
			version: text(doc.version),
			updatedAt: new Date()
		};
		await tx
			.insert(taxonomy)
			.values({ id: doc.id as string, ...set })
			.onConflictDoUpdate({ target: taxonomy.id, set });
	}
	for (const { doc } of b.terms.values()) {
		const detail = doc.taxonomy_detail as { id?: unknown } | undefined;
		const taxonomyId = [doc.taxonomy_id, detail?.id].find(
			(id): id is string => typeof id === 'string' && known.taxonomies.has(id)
		);
		const set = {
			taxonomyId: taxonomyId ?? null,
			parentId: text(doc.parent_id),
			code: text(doc.code),
			name: text(doc.name) ?? '',
			description: text(doc.description) ?? '',
			termUri: text(doc.term_uri),
			language: text(doc.language),
			updatedAt: new Date()
		};
		// Labels in the interface languages are Passerelle's own; an import does not know them.
		await tx
			.insert(taxonomyTerm)
			.values({ id: doc.id as string, ...set })
			.onConflictDoUpdate({ target: taxonomyTerm.id, set });
	}
}

/**
 * Imported organisations are approved; the slug, kind, logo and members of known ones are kept,
 * and so is their website when the input has none.
 */
async function writeOrganisation(tx: Tx, { doc }: Entry) {
	const id = doc.id as string;
	const name = text(doc.name) ?? '';
	const description = text(doc.description) ?? '';
	const values = {
		id,
		slug: slugFor(name),
		name,
		kind: kindFor(doc),
		description,
		website: webLink(doc.website),
		status: 'approved' as const,
		...organisationSearch(name, description),
		updatedAt: new Date()
	};
	await tx
		.insert(organisation)
		.values(values)
		.onConflictDoUpdate({
			target: organisation.id,
			set: {
				name,
				description,
				website: sql`coalesce(excluded.website, ${organisation.website})`,
				status: 'approved',
				nameKey: values.nameKey,
				search: values.search,
				updatedAt: values.updatedAt
			}
		});
	// The other HSDS fields are kept as they came, for the export; the columns hold the rest.
	const extra = { ...doc };
	for (const key of ['id', 'name', 'description', 'locations', 'services']) delete extra[key];
	if (values.website) delete extra.website;
	if (!Object.keys(extra).length)
		await tx.delete(organisationHsds).where(eq(organisationHsds.organisationId, id));
	else
		await tx
			.insert(organisationHsds)
			.values({ organisationId: id, doc: extra })
			.onConflictDoUpdate({ target: organisationHsds.organisationId, set: { doc: extra } });
}

/** The first fixed UTC offset a schedule at this location gives (HSDS has no IANA zones). */
function scheduleZones(b: Bundle) {
	const zones = new Map<string, string>();
	const consider = (locationId: string | null, schedules: unknown) => {
		if (!locationId || zones.has(locationId) || !Array.isArray(schedules)) return;
		for (const s of schedules as HsdsSchedule[]) {
			const zone = typeof s.timezone === 'number' ? offsetZone(s.timezone) : null;
			if (zone) return void zones.set(locationId, zone);
		}
	};
	for (const l of b.locations.values()) consider(l.doc.id as string, l.doc.schedules);
	for (const l of b.links.values()) consider(l.locationId, l.doc.schedules);
	for (const l of b.links.values())
		consider(l.locationId, l.serviceId ? b.services.get(l.serviceId)?.doc.schedules : undefined);
	return zones;
}

async function writeLocations(tx: Tx, b: Bundle, opts: WriteOptions) {
	const ids = [...b.locations.keys()];
	const current = new Map<string, string>();
	for (let i = 0; i < ids.length; i += 1000) {
		const rows = await tx
			.select({ id: serviceLocation.id, timeZone: serviceLocation.timeZone })
			.from(serviceLocation)
			.where(inArray(serviceLocation.id, ids.slice(i, i + 1000)));
		for (const r of rows) current.set(r.id, r.timeZone);
	}
	const zones = scheduleZones(b);
	for (const [id, l] of b.locations) {
		// Else the zone at the location's coordinates (storeLocation).
		const timeZone = zones.get(id) ?? opts.timeZone ?? current.get(id) ?? null;
		const point = await storeLocation(tx, {
			doc: l.doc as HsdsLocation,
			organisationId: l.organizationId,
			timeZone
		});
		// Stored all the same, but a place search cannot find it: the report says so.
		if (!point)
			b.warnings.push({
				file: l.source.file,
				row: l.source.row,
				field: 'latitude',
				message: `location ${id} has no coordinates and its town is not known: it cannot be found by place`
			});
	}
}

/** Imported services are published; texts in other languages and the check date are kept. */
async function writeServices(tx: Tx, b: Bundle, opts: WriteOptions) {
	const ids = [...b.services.keys()];
	const current = new Map<
		string,
		Pick<typeof service.$inferSelect, 'contentLocale' | 'translations' | 'verifiedAt'>
	>();
	for (let i = 0; i < ids.length; i += 1000) {
		const rows = await tx
			.select({
				id: service.id,
				contentLocale: service.contentLocale,
				translations: service.translations,
				verifiedAt: service.verifiedAt
			})
			.from(service)
			.where(inArray(service.id, ids.slice(i, i + 1000)));
		for (const r of rows) current.set(r.id, r);
	}
	for (const [id, s] of b.services) {
		const before = current.get(id);
		await storeService(tx, {
			doc: s.doc as HsdsService,
			organisationId: s.organizationId as string,
			contentLocale: before?.contentLocale ?? opts.contentLocale ?? 'en',
			translations: before?.translations ?? {},
			published: true,
			verifiedAt: s.doc.assured_date ? undefined : (before?.verifiedAt ?? null)
		});
	}
}

/** Links of the input; a service whose input lists all its locations loses the others. */
async function writeLinks(tx: Tx, b: Bundle) {
	const byService = new Map<string, string[]>();
	for (const [id, l] of b.links)
		if (l.serviceId) byService.set(l.serviceId, [...(byService.get(l.serviceId) ?? []), id]);
	for (const [id, s] of b.services) {
		if (!s.replaceLinks) continue;
		const keep = byService.get(id) ?? [];
		await tx
			.delete(serviceAtLocation)
			.where(
				keep.length
					? and(eq(serviceAtLocation.serviceId, id), notInArray(serviceAtLocation.id, keep))
					: eq(serviceAtLocation.serviceId, id)
			);
	}
	for (const l of b.links.values())
		await storeServiceAtLocation(tx, l.doc as HsdsServiceAtLocation);
}

/**
 * Writes a checked bundle in one transaction: taxonomies and terms, organisations, locations,
 * services, their links, then the opening hours of every service the import touched.
 */
export async function writeBundle(
	db: Db,
	b: Bundle,
	known: Known,
	opts: WriteOptions = {}
): Promise<ImportCounts> {
	return db.transaction(async (tx) => {
		await writeTaxonomies(tx, b, known);
		for (const entry of b.organizations.values()) await writeOrganisation(tx, entry);
		await writeLocations(tx, b, opts);
		await writeServices(tx, b, opts);
		await writeLinks(tx, b);
		const touched = new Set(b.services.keys());
		const locationIds = [...b.locations.keys()];
		for (let i = 0; i < locationIds.length; i += 1000) {
			const rows = await tx
				.select({ serviceId: serviceAtLocation.serviceId })
				.from(serviceAtLocation)
				.where(inArray(serviceAtLocation.locationId, locationIds.slice(i, i + 1000)));
			for (const r of rows) touched.add(r.serviceId);
		}
		for (const id of touched) await refreshOpenings(tx, id, opts.timeZone ?? 'UTC');
		return {
			organizations: b.organizations.size,
			services: b.services.size,
			locations: b.locations.size,
			serviceAtLocations: b.links.size,
			taxonomies: b.taxonomies.size,
			taxonomyTerms: b.terms.size
		};
	});
}
