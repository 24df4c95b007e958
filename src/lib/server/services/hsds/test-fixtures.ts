import { mkdtempSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/client.ts';
import { organisation } from '../../organisations/schema.ts';
import {
	organisationHsds,
	service,
	serviceAtLocation,
	serviceLocation,
	serviceOpening,
	taxonomy,
	taxonomyTerm
} from '../schema.ts';

/** The HSDS 3.1 examples shipped with the schemas (static-data/hsds-3.1/examples). */
export const EXAMPLES_DIR = path.resolve(
	process.env.HSDS_EXAMPLES_DIR ?? path.join('static-data', 'hsds-3.1', 'examples')
);

export function example<T = Record<string, unknown>>(name: string): T {
	return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, name), 'utf8'));
}

export function tempDir() {
	return mkdtempSync(path.join(tmpdir(), 'passerelle-hsds-'));
}

export async function writeJson(dir: string, name: string, value: unknown) {
	const file = path.join(dir, name);
	await writeFile(file, JSON.stringify(value, null, 2));
	return file;
}

/**
 * A tabular package from rows by file name (the shape of examples/tabular.json): one CSV per
 * file with the union of its rows' keys as header, files given as raw text, and a
 * datapackage.json listing them all.
 */
export async function tabularPackage(
	dir: string,
	tables: Record<string, Record<string, unknown>[]>,
	raw: Record<string, string> = {}
) {
	await mkdir(dir, { recursive: true });
	const resources = [];
	for (const [file, rows] of Object.entries(tables)) {
		const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
		await writeFile(path.join(dir, file), stringify(rows, { header: true, columns }));
		resources.push({ name: file.replace(/\.csv$/, ''), path: file, format: 'csv' });
	}
	for (const [file, text] of Object.entries(raw)) {
		await writeFile(path.join(dir, file), text);
		resources.push({ name: file.replace(/\.csv$/, ''), path: file, format: 'csv' });
	}
	await writeFile(
		path.join(dir, 'datapackage.json'),
		JSON.stringify({ name: 'hsds-example', profile: 'tabular-data-package', resources }, null, 2)
	);
	return dir;
}

/** How many rows the tables an HSDS import writes hold. */
export async function countRows(db: Db) {
	return {
		organisations: await db.$count(organisation),
		organisationHsds: await db.$count(organisationHsds),
		services: await db.$count(service),
		locations: await db.$count(serviceLocation),
		links: await db.$count(serviceAtLocation),
		openings: await db.$count(serviceOpening),
		taxonomies: await db.$count(taxonomy),
		terms: await db.$count(taxonomyTerm)
	};
}
