import type { HsdsKind } from './validate.ts';

type Doc = Record<string, unknown>;

/** Where a record came from: a CSV data row (1-based) or a JSON pointer into a file. */
export type Source = { file: string; row: number | string };

/** One problem found in the input, named as precisely as the input allows. */
export type ImportIssue = { file: string; row?: number | string; field?: string; message: string };

export type Entry = { doc: Doc; source: Source };
export type ServiceEntry = Entry & {
	organizationId: string | null;
	/** Whether the input lists all of the service's locations (links missing from it are removed). */
	replaceLinks: boolean;
};
export type LocationEntry = Entry & { organizationId: string | null };
export type LinkEntry = Entry & { serviceId: string | null; locationId: string | null };

/**
 * Everything one import holds, flattened to the rows Passerelle stores, plus the documents as they
 * came (validated against their schema before anything is written).
 */
export type Bundle = {
	records: { kind: HsdsKind | string; doc: unknown; source: Source }[];
	/** The CSV row each assembled object came from, to point an error at its row. */
	sources: WeakMap<object, Source>;
	/** The other way: the row object of each CSV row (`file\u0000row`), and the row it went under. */
	rowsBySource: Map<string, object>;
	parents: WeakMap<object, object>;
	organizations: Map<string, Entry>;
	services: Map<string, ServiceEntry>;
	locations: Map<string, LocationEntry>;
	links: Map<string, LinkEntry>;
	taxonomies: Map<string, Entry>;
	terms: Map<string, Entry>;
	errors: ImportIssue[];
	warnings: ImportIssue[];
};

export function emptyBundle(): Bundle {
	return {
		records: [],
		sources: new WeakMap(),
		rowsBySource: new Map(),
		parents: new WeakMap(),
		organizations: new Map(),
		services: new Map(),
		locations: new Map(),
		links: new Map(),
		taxonomies: new Map(),
		terms: new Map(),
		errors: [],
		warnings: []
	};
}

export const isObject = (v: unknown): v is Doc =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown) => (isObject(v) && typeof v.id === 'string' ? v.id : null);
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

function childSource(b: Bundle, parent: Source, child: unknown, key: string): Source {
	const own = isObject(child) ? b.sources.get(child) : undefined;
	if (own) return own;
	return {
		file: parent.file,
		row: typeof parent.row === 'string' ? `${parent.row}/${key}` : parent.row
	};
}

function without(doc: Doc, ...keys: string[]): Doc {
	const copy = { ...doc };
	for (const k of keys) delete copy[k];
	return copy;
}

/** Nested taxonomy terms (attributes' `taxonomy_term`) and their taxonomies are imported too. */
function collectNestedTerms(b: Bundle, value: unknown, source: Source) {
	if (Array.isArray(value)) {
		value.forEach((v, i) => collectNestedTerms(b, v, childSource(b, source, v, String(i))));
		return;
	}
	if (!isObject(value)) return;
	for (const [key, child] of Object.entries(value)) {
		if (typeof child !== 'object' || child === null) continue;
		const at = childSource(b, source, child, key);
		if (key === 'taxonomy_term' && isObject(child)) collectTerm(b, child, at);
		else collectNestedTerms(b, child, at);
	}
}

export function collectTaxonomy(b: Bundle, doc: Doc, source: Source) {
	const id = idOf(doc);
	if (id && !b.taxonomies.has(id)) b.taxonomies.set(id, { doc, source });
}

export function collectTerm(b: Bundle, doc: Doc, source: Source) {
	const id = idOf(doc);
	if (isObject(doc.taxonomy_detail))
		collectTaxonomy(
			b,
			doc.taxonomy_detail,
			childSource(b, source, doc.taxonomy_detail, 'taxonomy_detail')
		);
	if (id && !b.terms.has(id)) b.terms.set(id, { doc, source });
}

export function collectLocation(
	b: Bundle,
	doc: Doc,
	source: Source,
	ctx: { organizationId?: string | null } = {}
) {
	const id = idOf(doc);
	collectNestedTerms(b, doc, source);
	if (!id || b.locations.has(id)) return;
	b.locations.set(id, {
		doc,
		source,
		organizationId: str(doc.organization_id) ?? ctx.organizationId ?? null
	});
}

/** A service_at_location, with its nested location and service when given. */
export function collectLink(
	b: Bundle,
	doc: Doc,
	source: Source,
	ctx: { serviceId?: string | null; organizationId?: string | null } = {}
) {
	const location = isObject(doc.location) ? doc.location : null;
	const service = isObject(doc.service) ? doc.service : null;
	if (service) collectNestedService(b, service, childSource(b, source, service, 'service'), {});
	const organizationId =
		ctx.organizationId ??
		(service ? (str(service.organization_id) ?? idOf(service.organization)) : null);
	if (location)
		collectLocation(b, location, childSource(b, source, location, 'location'), { organizationId });
	const serviceId = str(doc.service_id) ?? idOf(service) ?? ctx.serviceId ?? null;
	const locationId = str(doc.location_id) ?? idOf(location);
	const id = idOf(doc);
	collectNestedTerms(b, without(doc, 'location', 'service'), source);
	if (!id || b.links.has(id)) return;
	const stored = without(doc, 'location', 'service');
	if (serviceId) stored.service_id = serviceId;
	if (locationId) stored.location_id = locationId;
	b.links.set(id, { doc: stored, source, serviceId, locationId });
}

export function collectService(
	b: Bundle,
	doc: Doc,
	source: Source,
	ctx: { organizationId?: string | null; replaceLinks?: boolean }
) {
	const organization = isObject(doc.organization) ? doc.organization : null;
	if (organization)
		collectOrganization(b, organization, childSource(b, source, organization, 'organization'));
	const organizationId =
		str(doc.organization_id) ?? idOf(organization) ?? ctx.organizationId ?? null;
	const id = idOf(doc);
	const links = Array.isArray(doc.service_at_locations) ? doc.service_at_locations : null;
	links?.forEach((link, i) => {
		if (isObject(link))
			collectLink(b, link, childSource(b, source, link, `service_at_locations/${i}`), {
				serviceId: id,
				organizationId
			});
	});
	const stored = without(doc, 'organization', 'service_at_locations');
	collectNestedTerms(b, stored, source);
	if (!id || b.services.has(id)) return;
	if (organizationId) stored.organization_id = organizationId;
	b.services.set(id, {
		doc: stored,
		source,
		organizationId,
		replaceLinks: ctx.replaceLinks ?? links !== null
	});
}

/** The organization and service_at_location schemas do not describe a nested service: check it too. */
function collectNestedService(
	b: Bundle,
	doc: Doc,
	source: Source,
	ctx: { organizationId?: string | null }
) {
	b.records.push({ kind: 'service', doc, source });
	collectService(b, doc, source, ctx);
}

/** An organization; its nested locations and services become rows of their own. */
export function collectOrganization(b: Bundle, doc: Doc, source: Source) {
	const id = idOf(doc);
	const locations = Array.isArray(doc.locations) ? doc.locations : [];
	locations.forEach((l, i) => {
		if (isObject(l))
			collectLocation(b, l, childSource(b, source, l, `locations/${i}`), { organizationId: id });
	});
	const services = Array.isArray(doc.services) ? doc.services : [];
	services.forEach((s, i) => {
		if (isObject(s))
			collectNestedService(b, s, childSource(b, source, s, `services/${i}`), {
				organizationId: id
			});
	});
	const stored = without(doc, 'locations', 'services');
	collectNestedTerms(b, stored, source);
	if (id && !b.organizations.has(id)) b.organizations.set(id, { doc: stored, source });
}

export const COLLECT: Record<HsdsKind, (b: Bundle, doc: Doc, source: Source) => void> = {
	service: (b, doc, source) => collectService(b, doc, source, {}),
	organization: collectOrganization,
	location: (b, doc, source) => collectLocation(b, doc, source),
	service_at_location: (b, doc, source) => collectLink(b, doc, source),
	taxonomy: collectTaxonomy,
	taxonomy_term: collectTerm
};
