import {
	collectLink,
	collectLocation,
	collectOrganization,
	collectService,
	collectTaxonomy,
	collectTerm,
	type Bundle
} from './bundle.ts';

type Row = Record<string, unknown>;
/** Rows by HSDS table name (`service`, `phone`, `service_at_location`…). */
export type Tables = Map<string, Row[]>;

/**
 * Where each child table's rows go in the nested documents: [parent table, foreign key, property].
 * A row goes under every parent it names (a phone with service_id and location_id is listed by
 * both, as in the HSDS examples). Order matters: languages join phones before phones join contacts,
 * and both before their parents are used.
 */
const NESTING: [string, [string, string, string][]][] = [
	[
		'language',
		[
			['phone', 'phone_id', 'languages'],
			['service', 'service_id', 'languages'],
			['location', 'location_id', 'languages']
		]
	],
	[
		'phone',
		[
			['contact', 'contact_id', 'phones'],
			['service', 'service_id', 'phones'],
			['location', 'location_id', 'phones'],
			['organization', 'organization_id', 'phones'],
			['service_at_location', 'service_at_location_id', 'phones']
		]
	],
	[
		'contact',
		[
			['service', 'service_id', 'contacts'],
			['location', 'location_id', 'contacts'],
			['organization', 'organization_id', 'contacts'],
			['service_at_location', 'service_at_location_id', 'contacts']
		]
	],
	['address', [['location', 'location_id', 'addresses']]],
	['accessibility', [['location', 'location_id', 'accessibility']]],
	[
		'schedule',
		[
			['service', 'service_id', 'schedules'],
			['location', 'location_id', 'schedules'],
			['service_at_location', 'service_at_location_id', 'schedules']
		]
	],
	[
		'service_area',
		[
			['service', 'service_id', 'service_areas'],
			['service_at_location', 'service_at_location_id', 'service_areas']
		]
	],
	['cost_option', [['service', 'service_id', 'cost_options']]],
	['required_document', [['service', 'service_id', 'required_documents']]],
	[
		'funding',
		[
			['service', 'service_id', 'funding'],
			['organization', 'organization_id', 'funding']
		]
	],
	[
		'url',
		[
			['service', 'service_id', 'additional_urls'],
			['organization', 'organization_id', 'additional_websites']
		]
	],
	['service_capacity', [['service', 'service_id', 'capacities']]],
	['organization_identifier', [['organization', 'organization_id', 'organization_identifiers']]],
	['program', [['organization', 'organization_id', 'programs']]]
];

function push(parent: Row, property: string, child: Row, b?: Bundle) {
	const list = Array.isArray(parent[property]) ? (parent[property] as Row[]) : [];
	list.push(child);
	parent[property] = list;
	if (b && !b.parents.has(child)) b.parents.set(child, parent);
}

/** Attributes (link_id) and metadata (resource_id) may belong to a row of any table. */
function attachAnywhere(
	b: Bundle,
	tables: Tables,
	index: Map<string, Map<string, Row>>,
	child: string,
	keys: { id: string; table: string; property: string }
) {
	for (const row of tables.get(child) ?? []) {
		const id = row[keys.id];
		const named = String(row[keys.table] ?? '').replace(/s$/, '');
		// Never under a row of its own table: an attribute listing itself would never end.
		const candidates = (index.has(named) ? [named] : [...index.keys()]).filter(
			(t) => t !== child && t !== 'attribute'
		);
		const parents = candidates
			.map((t) => (typeof id === 'string' ? index.get(t)?.get(id) : undefined))
			.filter((p): p is Row => !!p);
		for (const parent of parents) push(parent, keys.property, row, b);
		if (!parents.length) notAttached(b, row, keys.id);
	}
}

function notAttached(b: Bundle, row: Row, field: string) {
	const source = b.sources.get(row);
	const ids = field
		.split('/')
		.map((key) => row[key])
		.filter((v) => typeof v === 'string' && v);
	if (source)
		b.warnings.push({
			...source,
			field,
			message: ids.length
				? `names ${ids.join(', ')}, which no row of this package has; not imported`
				: 'names no row of this package; not imported'
		});
}

/**
 * A reference the row cannot do without (a capacity's unit, a link's location) that names no row
 * of the package: an error naming the file, row, column and the missing id, instead of the schema's
 * "must have required property" about the object it would have been.
 */
function missingTarget(b: Bundle, row: Row, field: string, table: string) {
	const source = b.sources.get(row) ?? { file: '', row: 0 };
	b.errors.push({
		...source,
		field,
		message: `names ${table} ${String(row[field])}, which is not in the package (no row of its ${table} table has this id)`
	});
}

/** Builds full HSDS documents from the package's rows, then flattens them into the bundle. */
export function assembleTables(b: Bundle, tables: Tables) {
	const index = new Map<string, Map<string, Row>>();
	for (const [table, rows] of tables) {
		const byId = new Map<string, Row>();
		for (const row of rows) if (typeof row.id === 'string') byId.set(row.id, row);
		index.set(table, byId);
	}
	const find = (table: string, id: unknown) =>
		typeof id === 'string' ? index.get(table)?.get(id) : undefined;

	attachAnywhere(b, tables, index, 'attribute', {
		id: 'link_id',
		table: 'link_entity',
		property: 'attributes'
	});
	attachAnywhere(b, tables, index, 'metadata', {
		id: 'resource_id',
		table: 'resource_type',
		property: 'metadata'
	});
	for (const [child, parents] of NESTING) {
		for (const row of tables.get(child) ?? []) {
			let attached = false;
			for (const [table, key, property] of parents) {
				const parent = find(table, row[key]);
				if (parent) {
					push(parent, property, row, b);
					attached = true;
				}
			}
			if (!attached) notAttached(b, row, parents.map(([, key]) => key).join('/'));
		}
	}
	for (const service of tables.get('service') ?? []) {
		const program = find('program', service.program_id);
		if (program) service.program = program;
	}
	for (const capacity of tables.get('service_capacity') ?? []) {
		const unit = find('unit', capacity.unit_id);
		if (unit) capacity.unit = unit;
		else if (typeof capacity.unit_id === 'string' && capacity.unit_id)
			missingTarget(b, capacity, 'unit_id', 'unit');
	}
	const links = tables.get('service_at_location');
	for (const link of links ?? []) {
		const location = find('location', link.location_id);
		if (location) link.location = location;
		const service = find('service', link.service_id);
		if (service) push(service, 'service_at_locations', link, b);
	}
	// With a service_at_location table, it lists every location of the package's services.
	if (links) for (const service of tables.get('service') ?? []) service.service_at_locations ??= [];

	const at = (row: Row) => b.sources.get(row) ?? { file: '', row: 0 };
	for (const row of tables.get('organization') ?? []) collectOrganization(b, row, at(row));
	for (const row of tables.get('service') ?? [])
		collectService(b, row, at(row), { replaceLinks: !!links });
	for (const row of links ?? []) collectLink(b, row, at(row));
	for (const row of tables.get('location') ?? []) collectLocation(b, row, at(row));
	for (const row of tables.get('taxonomy') ?? []) collectTaxonomy(b, row, at(row));
	for (const row of tables.get('taxonomy_term') ?? []) collectTerm(b, row, at(row));
}
