import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { isObject } from './bundle.ts';
import { hsdsSchemas } from './validate.ts';

type Row = Record<string, unknown>;
type Schema = { name: string; path: string; properties: Record<string, Record<string, unknown>> };

const SCALAR = new Set(['string', 'number', 'integer', 'boolean', 'null']);

function schemas() {
	const byFile = new Map<string, Schema>();
	const byName = new Map<string, Schema>();
	for (const [file, s] of hsdsSchemas()) {
		if (typeof s.name !== 'string' || typeof s.path !== 'string' || !s.properties) continue;
		const schema = s as unknown as Schema;
		byFile.set(file, schema);
		// service_with_definitions.json is named "service" too: the table is service.json.
		if (file === `${schema.name}.json` || !byName.has(schema.name)) byName.set(schema.name, schema);
	}
	return { byFile, byName };
}

const isScalarProperty = (p: Record<string, unknown>) => {
	const types = Array.isArray(p.type) ? p.type : [p.type];
	return !p.$ref && types.every((t) => typeof t === 'string' && SCALAR.has(t));
};

/**
 * HSDS documents as the tables of the tabular format: every nested object becomes a row of its own
 * table, keyed to its parent (`service_id`, `location_id`…, `link_id` for attributes,
 * `resource_id` for metadata), and each row holds only its table's one-to-one columns. A row met
 * twice (an organization of several services) is written once, with every parent it names.
 */
export function toTables(docs: { table: string; doc: Row }[]) {
	const { byFile, byName } = schemas();
	const tables = new Map<string, Map<string, Row>>();
	const emit = (table: string, doc: Row, parent?: { table: string; id: unknown }) => {
		const schema = byName.get(table);
		if (!schema) return;
		const row: Row = {};
		for (const [key, value] of Object.entries(doc)) {
			const property = schema.properties[key];
			if (!property || value === null || value === undefined) continue;
			const items = property.items as Record<string, unknown> | undefined;
			if (Array.isArray(value) && typeof items?.$ref === 'string') {
				const child = byFile.get(items.$ref)?.name;
				if (child) for (const v of value) if (isObject(v)) emit(child, v, { table, id: doc.id });
			} else if (isObject(value) && typeof property.$ref === 'string') {
				const child = byFile.get(property.$ref)?.name;
				if (child) emit(child, value, { table, id: doc.id });
				if (schema.properties[`${key}_id`] && row[`${key}_id`] === undefined)
					row[`${key}_id`] = value.id;
			} else if (isScalarProperty(property) && !isObject(value) && !Array.isArray(value)) {
				row[key] = value;
			}
		}
		if (parent) {
			const key = `${parent.table}_id`;
			if (schema.properties[key] && row[key] === undefined) row[key] = parent.id;
			if (table === 'attribute') {
				row.link_id ??= parent.id;
				row.link_entity ??= parent.table;
			}
			if (table === 'metadata') {
				row.resource_id ??= parent.id;
				row.resource_type ??= parent.table;
			}
		}
		const rows = tables.get(table) ?? new Map<string, Row>();
		tables.set(table, rows);
		const id = typeof row.id === 'string' ? row.id : `#${rows.size}`;
		// The same row under two parents (a language of a service and of its phone) names both.
		const seen = rows.get(id);
		if (!seen) rows.set(id, row);
		else for (const [k, v] of Object.entries(row)) seen[k] ??= v;
	};
	for (const { table, doc } of docs) emit(table, doc);
	return new Map([...tables].map(([table, rows]) => [table, [...rows.values()]]));
}

const cell = (v: unknown) =>
	v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Writes the tables as CSV files (HSDS file names and column order) and their datapackage.json. */
export async function writeTabular(dir: string, tables: Map<string, Row[]>) {
	const { byName } = schemas();
	await mkdir(dir, { recursive: true });
	const resources = [];
	for (const [table, rows] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
		const schema = byName.get(table)!;
		const used = new Set(rows.flatMap((r) => Object.keys(r)));
		const columns = Object.keys(schema.properties).filter((c) => used.has(c));
		const text = stringify(
			rows.map((r) => columns.map((c) => cell(r[c]))),
			{ header: true, columns }
		);
		await writeFile(path.join(dir, schema.path), text);
		resources.push({ name: table, path: schema.path, format: 'csv', mediatype: 'text/csv' });
	}
	await writeFile(
		path.join(dir, 'datapackage.json'),
		`${JSON.stringify({ name: 'passerelle-hsds', profile: 'tabular-data-package', resources }, null, 2)}\n`
	);
	return resources.length;
}
