import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { service, taxonomy, taxonomyTerm } from '../schema.ts';
import {
	hsdsServices,
	hsdsTaxonomy,
	hsdsTaxonomyTerm,
	organizationsById,
	SERVICE_COLUMNS,
	visibleService,
	type HsdsObject
} from './to-hsds.ts';
import { validateHsds, type HsdsKind } from './validate.ts';
import { toTables, writeTabular } from './write-tabular.ts';
import { readHsdsTabular } from './read-tabular.ts';
import { checkBundle } from './check-bundle.ts';

export {
	hsdsLinks,
	hsdsServices,
	hsdsTaxonomy,
	hsdsTaxonomyTerm,
	organizationsById,
	toHsdsService,
	type HsdsObject,
	type ServiceRow
} from './to-hsds.ts';

export type ExportCounts = {
	services: number;
	organizations: number;
	serviceAtLocations: number;
	taxonomies: number;
	taxonomyTerms: number;
};

/** Thrown when Passerelle would publish something that is not valid HSDS: a bug to fix, not data. */
export class HsdsExportError extends Error {
	readonly problems: string[];
	// No parameter property: the CLI runs this file with Node's type stripping, which refuses them.
	constructor(problems: string[]) {
		super(`The export is not valid HSDS 3.1:\n${problems.slice(0, 20).join('\n')}`);
		this.problems = problems;
	}
}

const README = (
	counts: ExportCounts,
	at: Date
) => `Open Referral HSDS 3.1 export from Passerelle, ${at.toISOString()}

Each file is a JSON array of HSDS 3.1 objects (https://docs.openreferral.org/), checked against the
HSDS 3.1 JSON schemas before it was written:

  services.json              ${counts.services} full services, each with its organization and its
                             service_at_locations (with their location)
  organizations.json         ${counts.organizations} organizations providing these services
  service_at_locations.json  ${counts.serviceAtLocations} service_at_locations, each with its location
  taxonomies.json            ${counts.taxonomies} taxonomies
  taxonomy_terms.json        ${counts.taxonomyTerms} taxonomy terms

Only services published on the platform by approved organisations are included. The same data is
served by the HSDS API at /api/hsds. Import it elsewhere, or back with
\`npm run passerelle -- import hsds services.json\`.
`;

const README_CSV = (
	counts: ExportCounts,
	at: Date
) => `Open Referral HSDS 3.1 tabular export from Passerelle, ${at.toISOString()}

A tabular data package (datapackage.json and one CSV per HSDS table, https://docs.openreferral.org/):
${counts.services} services, ${counts.organizations} organizations, ${counts.serviceAtLocations} service_at_locations,
${counts.taxonomies} taxonomies and ${counts.taxonomyTerms} taxonomy terms, each row checked against its table's
HSDS 3.1 schema before it was written. Nested details (phones, schedules, addresses, languages…)
are rows of their own tables, keyed to their service, location or organization.

Only services published on the platform by approved organisations are included. Import it
elsewhere, or back with \`npm run passerelle -- import hsds DIR\`.
`;

/** Every published service of an approved organisation, as full HSDS objects. */
async function visibleServices(db: Db) {
	const rows = await db
		.select(SERVICE_COLUMNS)
		.from(service)
		.where(visibleService())
		.orderBy(asc(service.id));
	const out: HsdsObject[] = [];
	for (let i = 0; i < rows.length; i += 500)
		out.push(...(await hsdsServices(db, rows.slice(i, i + 500))));
	return out;
}

/**
 * Writes the public directory as HSDS 3.1 JSON files into `dir` (services, organizations,
 * service_at_locations, taxonomies, taxonomy_terms and a README). Every object is validated first;
 * if one is not valid, nothing is written and HsdsExportError says which.
 */
export async function exportHsds(
	db: Db,
	dir: string,
	opts: { format?: 'json' | 'csv' } = {}
): Promise<ExportCounts> {
	const services = await visibleServices(db);
	const organizations = [
		...(
			await organizationsById(
				db,
				services.map((s) => s.organization_id as string)
			)
		).values()
	].sort((a, b) => String(a.id).localeCompare(String(b.id)));
	const links = services.flatMap((s) => s.service_at_locations as HsdsObject[]);
	const taxonomies = await db.select().from(taxonomy).orderBy(asc(taxonomy.id));
	const byId = new Map(taxonomies.map((t) => [t.id, t]));
	const terms = (await db.select().from(taxonomyTerm).orderBy(asc(taxonomyTerm.id))).map((t) =>
		hsdsTaxonomyTerm(t, t.taxonomyId ? byId.get(t.taxonomyId) : null)
	);
	const files: [string, HsdsKind, HsdsObject[]][] = [
		['services.json', 'service', services],
		['organizations.json', 'organization', organizations],
		['service_at_locations.json', 'service_at_location', links],
		['taxonomies.json', 'taxonomy', taxonomies.map(hsdsTaxonomy)],
		['taxonomy_terms.json', 'taxonomy_term', terms]
	];
	const problems = files.flatMap(([file, kind, list]) =>
		list.flatMap((doc, i) =>
			validateHsds(kind, doc).map((p) => `${file} /${i}${p.path} (id ${doc.id}): ${p.message}`)
		)
	);
	if (problems.length) throw new HsdsExportError(problems);
	if (opts.format === 'csv') {
		// The tabular package: the same objects, one table per kind, each row checked like an import's.
		const tables = toTables([
			...services.map((doc) => ({ table: 'service', doc })),
			...organizations.map((doc) => ({ table: 'organization', doc })),
			...files[3][2].map((doc) => ({ table: 'taxonomy', doc })),
			...terms.map((doc) => ({ table: 'taxonomy_term', doc }))
		]);
		// Checked as an import reads it (rows assembled back into documents), before it is put in place.
		const draft = await mkdtemp(path.join(tmpdir(), 'passerelle-hsds-export-'));
		try {
			await writeTabular(draft, tables);
			const { issues } = await checkBundle(db, await readHsdsTabular(draft));
			if (issues.length)
				throw new HsdsExportError(
					issues.map((i) => `${i.file}:${i.row ?? ''} ${i.field ?? ''}: ${i.message}`)
				);
			await mkdir(dir, { recursive: true });
			for (const file of await readdir(draft))
				await copyFile(path.join(draft, file), path.join(dir, file));
		} finally {
			await rm(draft, { recursive: true, force: true });
		}
	} else {
		await mkdir(dir, { recursive: true });
		for (const [file, , list] of files)
			await writeFile(path.join(dir, file), `${JSON.stringify(list, null, 2)}\n`);
	}
	const counts = {
		services: services.length,
		organizations: organizations.length,
		serviceAtLocations: links.length,
		taxonomies: taxonomies.length,
		taxonomyTerms: terms.length
	};
	await writeFile(
		path.join(dir, 'README.txt'),
		opts.format === 'csv' ? README_CSV(counts, new Date()) : README(counts, new Date())
	);
	return counts;
}
