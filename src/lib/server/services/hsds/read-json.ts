import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { COLLECT, emptyBundle, isObject, type Bundle } from './bundle.ts';
import type { HsdsKind } from './validate.ts';

// Fields only one kind of object has, to tell them apart: HSDS objects carry no type tag.
const TERM_FIELDS = ['taxonomy_detail', 'taxonomy_id', 'taxonomy', 'term_uri', 'parent_id', 'code'];
const ORGANIZATION_FIELDS = [
	'website',
	'email',
	'tax_status',
	'tax_id',
	'year_incorporated',
	'legal_status',
	'logo',
	'parent_organization_id',
	'alternate_name',
	'additional_websites',
	'funding',
	'contacts',
	'phones',
	'locations',
	'programs',
	'organization_identifiers',
	'services'
];
const FILE_HINTS: [RegExp, HsdsKind][] = [
	[/taxonomy_term/, 'taxonomy_term'],
	[/taxonom/, 'taxonomy'],
	[/service_at_location/, 'service_at_location'],
	[/organi[sz]ation/, 'organization'],
	[/location/, 'location'],
	[/service/, 'service']
];

/** What kind of HSDS object this is: from telling fields, else the file's name, else likely fields. */
export function kindOf(doc: Record<string, unknown>, fileName = ''): HsdsKind | null {
	const has = (k: string) => doc[k] !== undefined;
	if (has('status')) return 'service';
	if (has('location_type')) return 'location';
	if (isObject(doc.service) || isObject(doc.location) || (has('service_id') && has('location_id')))
		return 'service_at_location';
	const hint = FILE_HINTS.find(([re]) => re.test(fileName.toLowerCase()));
	if (hint) return hint[1];
	if (TERM_FIELDS.some(has)) return 'taxonomy_term';
	if (ORGANIZATION_FIELDS.some(has)) return 'organization';
	if ((has('id') || has('name')) && (has('version') || has('uri'))) return 'taxonomy';
	return null;
}

/**
 * An HSDS JSON file: one object (service, organization, location, service_at_location, taxonomy,
 * taxonomy_term), an array of them, or a paginated API response (`{ contents: [...] }`).
 */
export async function readHsdsJson(file: string): Promise<Bundle> {
	const b = emptyBundle();
	const name = path.basename(file);
	let data: unknown;
	try {
		data = JSON.parse(await readFile(file, 'utf8'));
	} catch (error) {
		b.errors.push({ file: name, message: `not valid JSON: ${(error as Error).message}` });
		return b;
	}
	const items: [unknown, string][] = Array.isArray(data)
		? data.map((d, i) => [d, `/${i}`])
		: isObject(data) && Array.isArray(data.contents)
			? data.contents.map((d, i) => [d, `/contents/${i}`])
			: [[data, '']];
	for (const [doc, at] of items) {
		const source = { file: name, row: at };
		const kind = isObject(doc) ? kindOf(doc, name) : null;
		if (!isObject(doc) || !kind) {
			b.errors.push({
				...source,
				message:
					'not an HSDS service, organization, location, service_at_location, taxonomy or taxonomy_term'
			});
			continue;
		}
		b.records.push({ kind, doc, source });
		COLLECT[kind](b, doc, source);
	}
	return b;
}
