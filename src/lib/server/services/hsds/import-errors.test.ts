import { randomUUID } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../../test/databases.ts';
import type { AppContext } from '../../app/context.ts';
import { importHsds, MAX_ERRORS } from './import.ts';
import { countRows, example, tabularPackage, tempDir, writeJson } from './test-fixtures.ts';

type Doc = Record<string, unknown>;
const service = () => example('service_full.json');
const tabular = () => example<Record<string, Doc[]>>('tabular.json');

/** Every malformed input is refused as a whole, with each problem named, and stores nothing. */
describe.each(DATABASES)('HSDS import refusals on $kind', (target) => {
	let s: AppContext;
	let empty: Awaited<ReturnType<typeof countRows>>;
	let dir: string;
	beforeAll(async () => {
		s = await testServices(target);
		empty = await countRows(s.database.db);
		dir = tempDir();
	});
	afterAll(() => s.database.close());

	async function refused(file: string) {
		const result = await importHsds(s.database.db, file);
		expect(await countRows(s.database.db)).toEqual(empty);
		expect(empty.services).toBe(0);
		expect(empty.organisations).toBe(0);
		if (result.ok) throw new Error('the import was accepted');
		return result.errors;
	}

	it('a service without a name', async () => {
		const doc = service();
		delete doc.name;
		const errors = await refused(await writeJson(dir, 'no-name.json', doc));
		expect(errors).toEqual([
			{
				file: 'no-name.json',
				row: '',
				field: 'name',
				message: "must have required property 'name'"
			}
		]);
	});

	it('a service without a name inside an organization', async () => {
		const organization = example('organization_full.json');
		delete (organization.services as Doc[])[0].name;
		const errors = await refused(await writeJson(dir, 'organization.json', organization));
		expect(errors).toEqual([
			{
				file: 'organization.json',
				row: '/services/0',
				field: 'name',
				message: "must have required property 'name'"
			}
		]);
	});

	it('bad UUIDs, at the top and deep inside', async () => {
		const doc = service();
		doc.id = 'service-1';
		(doc.service_at_locations as Doc[])[0].location = {
			...((doc.service_at_locations as Doc[])[0].location as Doc),
			id: '1234'
		};
		const errors = await refused(
			await writeJson(dir, 'bad-ids.json', { total_items: 1, contents: [doc] })
		);
		expect(errors).toEqual(
			expect.arrayContaining([
				{
					file: 'bad-ids.json',
					row: '/contents/0',
					field: 'id',
					message: 'must match format "uuid"'
				},
				{
					file: 'bad-ids.json',
					row: '/contents/0/service_at_locations/0/location',
					field: 'id',
					message: 'must match format "uuid"'
				}
			])
		);
	});

	it('a service_at_location to a missing location, a service of a missing organization', async () => {
		const missingLocation = randomUUID();
		const missingOrganization = randomUUID();
		const doc = service();
		const errors = await refused(
			await writeJson(dir, 'links.json', [
				doc,
				{ id: randomUUID(), service_id: doc.id, location_id: missingLocation },
				{ id: randomUUID(), name: 'Orphan', status: 'active', organization_id: missingOrganization }
			])
		);
		expect(errors).toEqual([
			{
				file: 'links.json',
				row: '/1',
				field: 'location_id',
				message: `no location ${missingLocation} in the input or the database`
			},
			{
				file: 'links.json',
				row: '/2',
				field: 'organization_id',
				message: `no organization ${missingOrganization} in the input or the database`
			}
		]);
	});

	it('the same problems in a tabular package, by file, data row and column', async () => {
		const tables = tabular();
		const missing = randomUUID();
		tables['services.csv'][0].organization_id = missing;
		tables['service_at_location.csv'].push({
			id: randomUUID(),
			service_id: tables['services.csv'][0].id,
			location_id: missing
		});
		tables['phones.csv'].push({ id: 'not-a-uuid', service_id: tables['services.csv'][0].id });
		const errors = await refused(await tabularPackage(tempDir(), tables));
		expect(errors).toEqual(
			expect.arrayContaining([
				{ file: 'phones.csv', row: 2, field: 'id', message: 'must match format "uuid"' },
				{
					file: 'phones.csv',
					row: 2,
					field: 'number',
					message: "must have required property 'number'"
				},
				{
					file: 'services.csv',
					row: 1,
					field: 'organization_id',
					message: `no organization ${missing} in the input or the database`
				},
				{
					file: 'service_at_location.csv',
					row: 2,
					field: 'location_id',
					message: `no location ${missing} in the input or the database`
				}
			])
		);
		expect(errors).toHaveLength(4);
	});

	it("a capacity whose unit_id names no unit (as in Open Referral's own example package)", async () => {
		const tables = tabular();
		const unit = randomUUID();
		tables['service_capacity.csv'] = [
			{
				id: randomUUID(),
				service_id: tables['services.csv'][0].id,
				unit_id: unit,
				available: '3',
				updated: '2024-01-01T00:00:00Z'
			}
		];
		const errors = await refused(await tabularPackage(tempDir(), tables));
		expect(errors).toEqual([
			{
				file: 'service_capacity.csv',
				row: 1,
				field: 'unit_id',
				message: `names unit ${unit}, which is not in the package (no row of its unit table has this id)`
			}
		]);
	});

	it('broken CSV quoting', async () => {
		const tables = tabular();
		const rest = { ...tables };
		delete rest['services.csv'];
		const broken = [
			'id,organization_id,name,status',
			`${randomUUID()},${tables['organizations.csv'][0].id},Counselling,active`,
			`${randomUUID()},${tables['organizations.csv'][0].id},"Legal advice,active`,
			''
		].join('\n');
		const errors = await refused(await tabularPackage(tempDir(), rest, { 'services.csv': broken }));
		expect(errors).toContainEqual({
			file: 'services.csv',
			row: 2,
			message: expect.stringMatching(/Quote Not Closed.*line 3/)
		});
	});

	it('a package that points outside its directory, and files that are not HSDS', async () => {
		const pkg = tempDir();
		await writeFile(
			`${pkg}/datapackage.json`,
			JSON.stringify({ resources: [{ name: 'services', path: '../services.csv' }] })
		);
		expect(await refused(pkg)).toContainEqual(
			expect.objectContaining({ file: 'datapackage.json', field: 'path' })
		);
		expect(await refused(await writeJson(dir, 'base.json', example('base.json')))).toEqual([
			expect.objectContaining({ file: 'base.json', message: expect.stringMatching(/not an HSDS/) })
		]);
		expect(await refused(`${dir}/nothing-here.json`)).toEqual([
			{ file: 'nothing-here.json', message: 'no such file or directory' }
		]);
	});

	it('a table that is a link to /etc/passwd: refused, named, never read', async () => {
		const pkg = await tabularPackage(tempDir(), {
			'organizations.csv': tabular()['organizations.csv']
		});
		await symlink('/etc/passwd', path.join(pkg, 'services.csv'));
		await writeFile(
			path.join(pkg, 'datapackage.json'),
			JSON.stringify({
				resources: [
					{ name: 'organizations', path: 'organizations.csv' },
					{ name: 'services', path: 'services.csv' }
				]
			})
		);
		const errors = await refused(pkg);
		expect(errors).toEqual([
			{ file: 'services.csv', message: expect.stringMatching(/link to a file outside the package/) }
		]);
		expect(JSON.stringify(errors)).not.toMatch(/root:/);
	});

	it('a table linked from outside the package (an organisation it would approve): refused whole', async () => {
		const elsewhere = tempDir();
		const outside = path.join(elsewhere, 'organizations.csv');
		const rows = tabular()['organizations.csv'];
		await writeFile(outside, stringify(rows, { header: true, columns: Object.keys(rows[0]) }));
		// Without datapackage.json too: the CSV files found in the directory are the package.
		const pkg = tempDir();
		await symlink(outside, path.join(pkg, 'organizations.csv'));
		expect(await refused(pkg)).toEqual([
			{
				file: 'organizations.csv',
				message: expect.stringMatching(/link to a file outside the package/)
			}
		]);
		// A linked directory inside the package, and a linked datapackage.json, go no further.
		const nested = tempDir();
		await symlink(elsewhere, path.join(nested, 'tables'));
		await writeFile(
			path.join(nested, 'datapackage.json'),
			JSON.stringify({ resources: [{ name: 'organizations', path: 'tables/organizations.csv' }] })
		);
		expect(await refused(nested)).toEqual([
			expect.objectContaining({ file: 'tables/organizations.csv' })
		]);
		const linkedDescriptor = tempDir();
		await writeFile(
			path.join(elsewhere, 'datapackage.json'),
			JSON.stringify({ resources: [{ name: 'organizations', path: 'organizations.csv' }] })
		);
		await symlink(
			path.join(elsewhere, 'datapackage.json'),
			path.join(linkedDescriptor, 'datapackage.json')
		);
		expect(await refused(linkedDescriptor)).toEqual([
			expect.objectContaining({ file: 'datapackage.json' })
		]);
	});

	it('a link that stays inside the package is read as the file it points to', async () => {
		// The package directory itself may be reached through a link (a mounted volume).
		const real = await tabularPackage(tempDir(), {
			'organizations.csv': [{ ...tabular()['organizations.csv'][0], name: '' }]
		});
		await mkdir(path.join(real, 'v1'));
		await symlink(path.join(real, 'organizations.csv'), path.join(real, 'v1', 'orgs.csv'));
		await writeFile(
			path.join(real, 'datapackage.json'),
			JSON.stringify({ resources: [{ name: 'organizations', path: 'v1/orgs.csv' }] })
		);
		const viaLink = path.join(tempDir(), 'package');
		await symlink(real, viaLink);
		// Read through both links: the row's missing name is reported, so the file was read.
		expect(await refused(viaLink)).toContainEqual(
			expect.objectContaining({ file: 'v1/orgs.csv', row: 1, field: 'name' })
		);
	});

	it('script links, and caps the list of errors', async () => {
		const doc = service();
		doc.url = 'javascript:alert(1)';
		expect(await refused(await writeJson(dir, 'script.json', doc))).toEqual([
			{
				file: 'script.json',
				row: '',
				field: 'url',
				message: 'only web links (http, https) are accepted'
			}
		]);
		// Each: no name, an id that is no UUID, no organization.
		const many = Array.from({ length: 150 }, (_, i) => ({ id: `x${i}`, status: 'active' }));
		const result = await importHsds(s.database.db, await writeJson(dir, 'many.json', many));
		expect(result).toMatchObject({ ok: false, errorCount: 450 });
		if (!result.ok) expect(result.errors).toHaveLength(MAX_ERRORS);
		expect(await countRows(s.database.db)).toEqual(empty);
	});
});
