import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisation } from '../../organisations/schema.ts';
import { service, serviceLocation, taxonomy, taxonomyTerm } from '../schema.ts';
import { isObject, type Bundle, type ImportIssue, type Source } from './bundle.ts';
import { validateHsds } from './validate.ts';

/** Ids the import may point at: in the input or already stored. */
export type Known = {
	organizations: Set<string>;
	taxonomies: Set<string>;
};

// Link fields a page may render as a link; a script URL there would run in a visitor's browser.
const LINK_FIELDS = new Set(['url', 'website', 'uri', 'term_uri', 'schedule_link', 'logo']);
const UNSAFE_LINK = /^\s*(javascript|vbscript|data|file):/i;

/**
 * Where a problem at `pointer` inside a record is: the CSV row of the deepest object that came
 * from one (with the rest of the path as the field), or the JSON pointer of the containing object.
 */
export function locate(b: Bundle, source: Source, doc: unknown, pointer: string): ImportIssue {
	const segments = pointer
		.split('/')
		.slice(1)
		.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
	let at = source;
	let rest = segments;
	let node: unknown = doc;
	segments.forEach((segment, i) => {
		node =
			typeof node === 'object' && node !== null
				? (node as Record<string, unknown>)[segment]
				: undefined;
		const own = typeof node === 'object' && node !== null ? b.sources.get(node) : undefined;
		if (own) {
			at = own;
			rest = segments.slice(i + 1);
		}
	});
	if (typeof at.row === 'number')
		return { file: at.file, row: at.row, field: rest.join('.') || undefined, message: '' };
	const parent = rest
		.slice(0, -1)
		.map((s) => `/${s}`)
		.join('');
	return { file: at.file, row: `${at.row}${parent}`, field: rest.at(-1), message: '' };
}

/** Calls `fn` for every object of the document with its JSON pointer. */
function walk(
	value: unknown,
	fn: (obj: Record<string, unknown>, at: string, key: string) => void,
	at = '',
	key = ''
) {
	if (Array.isArray(value)) value.forEach((v, i) => walk(v, fn, `${at}/${i}`, key));
	else if (isObject(value)) {
		fn(value, at, key);
		for (const [k, v] of Object.entries(value))
			if (typeof v === 'object') walk(v, fn, `${at}/${k}`, k);
	}
}

/** Which of `ids` the database holds, asked in chunks. */
async function storedIds(ids: Set<string>, query: (chunk: string[]) => Promise<{ id: string }[]>) {
	const found = new Set<string>();
	const list = [...ids];
	for (let i = 0; i < list.length; i += 1000)
		for (const r of await query(list.slice(i, i + 1000))) found.add(r.id);
	return found;
}

/**
 * Everything wrong with the input, found before anything is written: each document against its
 * HSDS schema, unsafe links, and references to organizations, services, locations and taxonomy
 * terms that are neither in the input nor stored. Softer gaps (a location's unknown organization,
 * a term's unknown taxonomy) become warnings and the link is dropped.
 */
export async function checkBundle(
	db: Db,
	b: Bundle
): Promise<{ issues: ImportIssue[]; known: Known }> {
	const issues: ImportIssue[] = [...b.errors];
	const report = (source: Source, doc: unknown, pointer: string, message: string) =>
		issues.push({ ...locate(b, source, doc, pointer), message });

	const termRefs: { id: string; source: Source; doc: unknown; at: string }[] = [];
	// A missing object whose id column named no row is already reported, with the id: the schema's
	// "must have required property 'unit'" at the same row would only repeat it, less clearly.
	const named = new Set(b.errors.map((e) => `${e.file}\u0000${e.row}\u0000${e.field}`));
	for (const r of b.records) {
		for (const issue of validateHsds(r.kind, r.doc)) {
			const at = locate(b, r.source, r.doc, issue.path);
			const required = issue.message.startsWith('must have required property');
			if (required && named.has(`${at.file}\u0000${at.row}\u0000${at.field}_id`)) continue;
			report(r.source, r.doc, issue.path, issue.message);
		}
		walk(r.doc, (obj, at, key) => {
			for (const [field, value] of Object.entries(obj))
				if (LINK_FIELDS.has(field) && typeof value === 'string' && UNSAFE_LINK.test(value))
					report(r.source, r.doc, `${at}/${field}`, 'only web links (http, https) are accepted');
			const isAttribute = key === 'attributes' || (at === '' && r.kind === 'attribute');
			if (isAttribute && typeof obj.taxonomy_term_id === 'string')
				termRefs.push({
					id: obj.taxonomy_term_id,
					source: r.source,
					doc: r.doc,
					at: `${at}/taxonomy_term_id`
				});
		});
	}

	const wanted = {
		organizations: new Set<string>(),
		services: new Set<string>(),
		locations: new Set<string>(),
		taxonomies: new Set<string>(),
		terms: new Set<string>()
	};
	for (const s of b.services.values())
		if (s.organizationId && !b.organizations.has(s.organizationId))
			wanted.organizations.add(s.organizationId);
	for (const l of b.locations.values())
		if (l.organizationId && !b.organizations.has(l.organizationId))
			wanted.organizations.add(l.organizationId);
	for (const l of b.links.values()) {
		if (l.serviceId && !b.services.has(l.serviceId)) wanted.services.add(l.serviceId);
		if (l.locationId && !b.locations.has(l.locationId)) wanted.locations.add(l.locationId);
	}
	for (const t of b.terms.values())
		for (const id of [
			t.doc.taxonomy_id,
			(t.doc.taxonomy_detail as { id?: unknown } | undefined)?.id
		])
			if (typeof id === 'string' && !b.taxonomies.has(id)) wanted.taxonomies.add(id);
	for (const ref of termRefs) if (!b.terms.has(ref.id)) wanted.terms.add(ref.id);

	const [organisations, services, locations, taxonomies, terms] = await Promise.all([
		storedIds(wanted.organizations, (ids) =>
			db.select({ id: organisation.id }).from(organisation).where(inArray(organisation.id, ids))
		),
		storedIds(wanted.services, (ids) =>
			db.select({ id: service.id }).from(service).where(inArray(service.id, ids))
		),
		storedIds(wanted.locations, (ids) =>
			db
				.select({ id: serviceLocation.id })
				.from(serviceLocation)
				.where(inArray(serviceLocation.id, ids))
		),
		storedIds(wanted.taxonomies, (ids) =>
			db.select({ id: taxonomy.id }).from(taxonomy).where(inArray(taxonomy.id, ids))
		),
		storedIds(wanted.terms, (ids) =>
			db.select({ id: taxonomyTerm.id }).from(taxonomyTerm).where(inArray(taxonomyTerm.id, ids))
		)
	]);
	const known = {
		organizations: new Set([...b.organizations.keys(), ...organisations]),
		services: new Set([...b.services.keys(), ...services]),
		locations: new Set([...b.locations.keys(), ...locations]),
		taxonomies: new Set([...b.taxonomies.keys(), ...taxonomies]),
		terms: new Set([...b.terms.keys(), ...terms])
	};

	for (const s of b.services.values()) {
		if (!s.organizationId)
			report(
				s.source,
				s.doc,
				'/organization_id',
				'a service needs its organization: organization_id or a nested organization'
			);
		else if (!known.organizations.has(s.organizationId))
			report(
				s.source,
				s.doc,
				'/organization_id',
				`no organization ${s.organizationId} in the input or the database`
			);
	}
	for (const l of b.links.values()) {
		if (!l.serviceId)
			report(l.source, l.doc, '/service_id', 'a service_at_location needs its service');
		else if (!known.services.has(l.serviceId))
			report(
				l.source,
				l.doc,
				'/service_id',
				`no service ${l.serviceId} in the input or the database`
			);
		if (!l.locationId)
			report(l.source, l.doc, '/location_id', 'a service_at_location needs its location');
		else if (!known.locations.has(l.locationId))
			report(
				l.source,
				l.doc,
				'/location_id',
				`no location ${l.locationId} in the input or the database`
			);
	}
	for (const ref of termRefs)
		if (!known.terms.has(ref.id))
			report(
				ref.source,
				ref.doc,
				ref.at,
				`no taxonomy term ${ref.id} in the input or the database`
			);

	for (const l of b.locations.values())
		if (l.organizationId && !known.organizations.has(l.organizationId)) {
			b.warnings.push({
				...locate(b, l.source, l.doc, '/organization_id'),
				message: `no organization ${l.organizationId}; the location is imported without one`
			});
			l.organizationId = null;
		}
	for (const t of b.terms.values())
		if (typeof t.doc.taxonomy_id === 'string' && !known.taxonomies.has(t.doc.taxonomy_id))
			b.warnings.push({
				...locate(b, t.source, t.doc, '/taxonomy_id'),
				message: `no taxonomy ${t.doc.taxonomy_id}; the term is imported without one`
			});

	const seen = new Set<string>();
	const unique = issues.filter((i) => {
		const key = JSON.stringify([i.file, i.row, i.field, i.message]);
		return !seen.has(key) && !!seen.add(key);
	});
	// In the order of the input: by file, then row (numbers and pointers compared as numbers).
	const order = (i: ImportIssue) => `${i.file}\u0000${i.row ?? ''}`;
	unique.sort((a, c) => order(a).localeCompare(order(c), 'en', { numeric: true }));
	return {
		issues: unique,
		known: { organizations: known.organizations, taxonomies: known.taxonomies }
	};
}
