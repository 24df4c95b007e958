import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../../test/databases.ts';
import type { AppContext } from '../../app/context.ts';
import { exportHsds } from './export.ts';
import { importHsds } from './import.ts';
import { readHsdsTabular } from './read-tabular.ts';
import { checkBundle } from './check-bundle.ts';
import { EXAMPLES_DIR, tempDir } from './test-fixtures.ts';

type Doc = Record<string, unknown>;
const idsOf = (list: unknown) => (Array.isArray(list) ? list.map((d: Doc) => d.id).sort() : []);

describe.each(DATABASES)('HSDS export as a tabular package on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
		for (const file of ['service_full.json', 'organization_full.json'])
			expect((await importHsds(s.database.db, path.join(EXAMPLES_DIR, file))).ok).toBe(true);
	});
	afterAll(() => s.database.close());

	it('writes datapackage.json and CSVs that hold what the JSON export holds, and import cleanly', async () => {
		const db = s.database.db;
		const json = tempDir();
		const csv = tempDir();
		const counts = await exportHsds(db, json);
		expect(await exportHsds(db, csv, { format: 'csv' })).toEqual(counts);
		const files = readdirSync(csv);
		expect(files).toEqual(
			expect.arrayContaining([
				'datapackage.json',
				'services.csv',
				'organizations.csv',
				'phones.csv'
			])
		);
		const pkg = JSON.parse(readFileSync(path.join(csv, 'datapackage.json'), 'utf8'));
		expect(pkg.resources.map((r: Doc) => r.path).sort()).toEqual(
			files.filter((f) => f.endsWith('.csv')).sort()
		);

		// Read back as an import reads it: valid, and the same services with the same details.
		const bundle = await readHsdsTabular(csv);
		expect(bundle.errors).toEqual([]);
		expect((await checkBundle(db, bundle)).issues).toEqual([]);
		const services = JSON.parse(readFileSync(path.join(json, 'services.json'), 'utf8')) as Doc[];
		expect([...bundle.services.keys()].sort()).toEqual(idsOf(services));
		for (const service of services) {
			const back = bundle.services.get(service.id as string)!.doc;
			for (const detail of [
				'phones',
				'schedules',
				'languages',
				'contacts',
				'funding',
				'cost_options'
			])
				expect(idsOf(back[detail]), `${detail} of ${service.id}`).toEqual(idsOf(service[detail]));
			expect(back.name).toBe(service.name);
		}
		const links = services.flatMap((x) => x.service_at_locations as Doc[]);
		expect([...bundle.links.keys()].sort()).toEqual(idsOf(links));
		expect([...bundle.locations.keys()].sort()).toEqual(
			[...new Set(links.map((l) => (l.location as Doc).id))].sort()
		);
		// And the package imports (again, over the same rows).
		const again = await importHsds(db, csv);
		expect(again).toMatchObject({ ok: true, services: counts.services });
	});
});
