import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { DATABASES, testServices } from '../../test/databases.ts';
import type { AppContext } from '../../app/context.ts';
import { service } from '../schema.ts';
import { importHsds } from './import.ts';
import { example, tabularPackage, tempDir, writeJson } from './test-fixtures.ts';

type Doc = Record<string, unknown>;
const organization = () => ({ id: randomUUID(), name: 'Aid', description: 'Help.' });
const plain = (name: string, org: Doc, extra: Doc = {}) => ({
	id: randomUUID(),
	name,
	status: 'active',
	organization: org,
	...extra
});

/** With --skip-invalid, every valid record goes in and each one left out is named with its problem. */
describe.each(DATABASES)('HSDS import with skip-invalid on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());
	const stored = async (ids: string[]) =>
		(
			await s.database.db.select({ id: service.id }).from(service).where(inArray(service.id, ids))
		).map((r) => r.id);

	it('JSON: the good services go in; a bad one, and one of a missing organization, are listed', async () => {
		const org = organization();
		const good = plain('Good one', org);
		const alsoGood = plain('Also good', org, {
			service_at_locations: [
				{
					id: randomUUID(),
					location: { id: randomUUID(), location_type: 'physical', name: 'Desk' }
				}
			]
		});
		const noName = { ...plain('x', org), name: undefined };
		const orphan = {
			id: randomUUID(),
			name: 'Orphan',
			status: 'active',
			organization_id: randomUUID()
		};
		const file = await writeJson(tempDir(), 'mixed.json', [
			good,
			noName,
			alsoGood,
			orphan,
			'not a record'
		]);
		expect(await importHsds(s.database.db, file)).toMatchObject({ ok: false });
		expect(await stored([good.id, alsoGood.id])).toEqual([]);

		const result = await importHsds(s.database.db, file, { skipInvalid: true });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.services).toBe(2);
		expect((await stored([good.id, alsoGood.id, noName.id, orphan.id])).sort()).toEqual(
			[good.id, alsoGood.id].sort()
		);
		expect(result.skipped).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ file: 'mixed.json', row: '/1', field: 'name' }),
				expect.objectContaining({ row: '/3', field: 'organization_id' }),
				expect.objectContaining({ row: '/4' })
			])
		);
	});

	it('JSON: a bad place of a service leaves out the place and its link, not the service', async () => {
		const org = organization();
		const svc = plain('Service with a bad place', org, {
			service_at_locations: [
				{ id: randomUUID(), location: { id: 'not-a-uuid', location_type: 'physical' } }
			]
		});
		const result = await importHsds(s.database.db, await writeJson(tempDir(), 'place.json', svc), {
			skipInvalid: true
		});
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(await stored([svc.id])).toEqual([svc.id]);
		expect(result.serviceAtLocations).toBe(0);
		expect(result.skipped.map((i) => i.row)).toContain('/service_at_locations/0/location');
	});

	it('tabular: a bad phone row leaves out its service; the package’s other services go in', async () => {
		const tables = example<Record<string, Doc[]>>('tabular.json');
		const services = tables['services.csv'];
		expect(services.length).toBeGreaterThanOrEqual(1);
		const extra = { ...services[0], id: randomUUID(), name: 'Second service' };
		tables['services.csv'] = [...services, extra];
		tables['phones.csv'] = [
			...tables['phones.csv'],
			{ id: 'not-a-uuid', service_id: services[0].id, number: '1' }
		];
		const result = await importHsds(s.database.db, await tabularPackage(tempDir(), tables), {
			skipInvalid: true
		});
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(await stored([extra.id as string])).toEqual([extra.id]);
		expect(await stored([services[0].id as string])).toEqual([]);
		// The phone's problem, then what depended on the service it took out: its link to a place.
		expect(result.skipped).toEqual([
			expect.objectContaining({ file: 'phones.csv', row: 2, field: 'id' }),
			expect.objectContaining({ file: 'service_at_location.csv', row: 1, field: 'service_id' })
		]);
	});

	it('an input that cannot be read is still refused whole', async () => {
		const dir = tempDir();
		const file = `${dir}/broken.json`;
		await import('node:fs/promises').then((fs) => fs.writeFile(file, '{"id":'));
		expect(await importHsds(s.database.db, file, { skipInvalid: true })).toMatchObject({
			ok: false
		});
	});
});
