import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { emptyBundle, isObject, type Bundle } from './bundle.ts';
import { assembleTables, type Tables } from './assemble-tabular.ts';
import { hsdsSchemas } from './validate.ts';

type Row = Record<string, unknown>;
type Table = { name: string; fields: Record<string, { type?: string }> };

/** HSDS tables by every name a file may carry: the schema's (service_at_location.csv) and plurals. */
function tablesByFileName() {
	const tables = new Map<string, Table>();
	for (const schema of hsdsSchemas().values()) {
		if (typeof schema.name !== 'string' || typeof schema.path !== 'string') continue;
		const table = { name: schema.name, fields: schema.properties ?? {} };
		for (const alias of [schema.name, `${schema.name}s`, schema.path.replace(/\.csv$/, '')])
			if (!tables.has(alias)) tables.set(alias, table);
	}
	return tables;
}

/** A cell as the schema types it; an empty cell is absent. Unparsable values stay text for Ajv. */
function coerce(value: string, type: string | undefined): unknown {
	if (type === 'number' || type === 'integer') {
		const n = Number(value.trim());
		return value.trim() && Number.isFinite(n) ? n : value;
	}
	if (type === 'boolean') {
		const v = value.trim().toLowerCase();
		return v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : value;
	}
	return value;
}

type Resource = { file: string; table: Table };

/**
 * Where a file of the package really is, if that is inside the package: a symbolic link (to
 * /etc/passwd, to another package's table) is followed only as far as the package's own directory.
 * A missing file comes back as is, for the read to report.
 */
async function insidePackage(root: string, file: string, b: Bundle): Promise<string | null> {
	let real: string;
	try {
		real = await realpath(path.join(root, file));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path.join(root, file);
		b.errors.push({ file, message: `cannot be read: ${(error as Error).message}` });
		return null;
	}
	if (real === root || real.startsWith(root + path.sep)) return real;
	b.errors.push({
		file,
		message: 'is a link to a file outside the package: nothing is read through it, nothing imported'
	});
	return null;
}

/** The CSV resources of the package (its datapackage.json, else the HSDS file names found). */
async function resourcesOf(dir: string, b: Bundle): Promise<Resource[]> {
	const tables = tablesByFileName();
	let listed: { name?: unknown; path?: unknown }[];
	const descriptor = await insidePackage(dir, 'datapackage.json', b);
	if (!descriptor) return [];
	try {
		const pkg: unknown = JSON.parse(await readFile(descriptor, 'utf8'));
		if (!isObject(pkg) || !Array.isArray(pkg.resources)) {
			b.errors.push({ file: 'datapackage.json', field: 'resources', message: 'no resource list' });
			return [];
		}
		listed = pkg.resources.filter(isObject);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			b.errors.push({ file: 'datapackage.json', message: (error as Error).message });
			return [];
		}
		listed = (await readdir(dir)).filter((f) => f.endsWith('.csv')).map((f) => ({ path: f }));
	}
	const resources: Resource[] = [];
	listed.forEach((r, i) => {
		const file = typeof r.path === 'string' ? r.path : '';
		// A package names files relative to itself; nothing outside the directory is read.
		if (!file.endsWith('.csv') || path.isAbsolute(file) || file.split(/[\\/]/).includes('..')) {
			b.errors.push({
				file: 'datapackage.json',
				row: `/resources/${i}`,
				field: 'path',
				message: 'must be a relative path to a CSV file inside the package'
			});
			return;
		}
		const table =
			tables.get(path.basename(file, '.csv')) ??
			(typeof r.name === 'string' ? tables.get(r.name) : undefined);
		if (table) resources.push({ file, table });
		else b.warnings.push({ file, message: 'not an HSDS table; ignored' });
	});
	return resources;
}

async function readTable(dir: string, resource: Resource, b: Bundle): Promise<Row[]> {
	const file = await insidePackage(dir, resource.file, b);
	if (!file) return [];
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		b.errors.push({ file: resource.file, message: `cannot be read: ${(error as Error).message}` });
		return [];
	}
	let raw: Record<string, string>[];
	try {
		raw = parse(text, { columns: true, bom: true, skip_empty_lines: true });
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		const at = error as CsvError & { records?: number };
		b.errors.push({ file: resource.file, row: (at.records ?? 0) + 1, message: error.message });
		return [];
	}
	const seen = new Map<string, number>();
	return raw.map((cells, i) => {
		const row: Row = {};
		for (const [column, value] of Object.entries(cells)) {
			if (value === '' || value === undefined) continue;
			row[column] = coerce(value, resource.table.fields[column]?.type);
		}
		const source = { file: resource.file, row: i + 1 };
		b.sources.set(row, source);
		b.rowsBySource.set(`${source.file}\u0000${source.row}`, row);
		b.records.push({ kind: resource.table.name, doc: row, source });
		if (typeof row.id === 'string') {
			const first = seen.get(row.id);
			if (first)
				b.errors.push({ ...source, field: 'id', message: `duplicate id (also row ${first})` });
			else seen.set(row.id, i + 1);
		}
		return row;
	});
}

/**
 * An HSDS tabular package: a directory with datapackage.json and one CSV per table. Rows are typed
 * by the HSDS schema of their table, then assembled into full documents (assemble-tabular.ts).
 */
export async function readHsdsTabular(target: string): Promise<Bundle> {
	const b = emptyBundle();
	// The package's real directory: every file it names must resolve inside it.
	const dir = await realpath(target);
	const tables: Tables = new Map();
	for (const resource of await resourcesOf(dir, b)) {
		const rows = await readTable(dir, resource, b);
		tables.set(resource.table.name, [...(tables.get(resource.table.name) ?? []), ...rows]);
	}
	if (!b.errors.length && !tables.size)
		b.errors.push({ file: 'datapackage.json', message: 'the package holds no HSDS table' });
	if (!b.errors.length) assembleTables(b, tables);
	return b;
}
