import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../../test/databases.ts';
import type { AppContext } from '../../app/context.ts';
import {
	hsdsQuery,
	listOrganizations,
	listServiceAtLocations,
	listServices,
	parseHsdsQuery
} from './api-queries.ts';
import { importHsds } from './import.ts';
import { tempDir, writeJson } from './test-fixtures.ts';

type Doc = Record<string, unknown>;
const ids = (page: { contents: Doc[] }) => page.contents.map((d) => d.name).sort();

// Lyon 3e (69003) and Villeurbanne (69100), about 3 km apart; Marseille (13001), 280 km away.
const PLACES = [
	{ name: 'Lyon desk', postcode: '69003', lat: 45.7597, lon: 4.8422 },
	{ name: 'Villeurbanne desk', postcode: '69 100', lat: 45.7719, lon: 4.8902 },
	{ name: 'Marseille desk', postcode: '13001', lat: 43.2965, lon: 5.3698 }
];

describe.each(DATABASES)('HSDS API postcode and proximity on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
		const organization = {
			id: randomUUID(),
			name: 'Rhône aid',
			description: 'Help for newcomers.'
		};
		const docs = PLACES.map((p) => {
			const location = {
				id: randomUUID(),
				name: p.name,
				location_type: 'physical',
				latitude: p.lat,
				longitude: p.lon,
				addresses: [
					{
						id: randomUUID(),
						address_1: '1 rue Exemple',
						city: p.name.split(' ')[0],
						state_province: '',
						postal_code: p.postcode,
						country: 'FR',
						address_type: 'physical'
					}
				]
			};
			return {
				id: randomUUID(),
				name: `${p.name} service`,
				status: 'active',
				organization,
				service_at_locations: [{ id: randomUUID(), location }]
			};
		});
		const imported = await importHsds(
			s.database.db,
			await writeJson(tempDir(), 'places.json', docs)
		);
		expect(imported.ok).toBe(true);
	});
	afterAll(() => s.database.close());
	const q = (raw: Record<string, string>) => hsdsQuery.parse(raw);

	it('postcode finds the services at a place with that postcode, however it is spaced', async () => {
		const db = s.database.db;
		expect(ids(await listServices(db, q({ postcode: '69003' })))).toEqual(['Lyon desk service']);
		expect(ids(await listServices(db, q({ postcode: '69100' })))).toEqual([
			'Villeurbanne desk service'
		]);
		expect(ids(await listServiceAtLocations(db, q({ postcode: '13 001' })))).toHaveLength(1);
		expect((await listServices(db, q({ postcode: '75001' }))).total_items).toBe(0);
		expect((await listOrganizations(db, q({ postcode: '69003' }))).total_items).toBe(1);
	});

	it('proximity is metres from the centre of the postcode’s places', async () => {
		const db = s.database.db;
		expect(ids(await listServices(db, q({ postcode: '69003', proximity: '1000' })))).toEqual([
			'Lyon desk service'
		]);
		expect(ids(await listServices(db, q({ postcode: '69003', proximity: '10000' })))).toEqual([
			'Lyon desk service',
			'Villeurbanne desk service'
		]);
		expect(
			(await listServiceAtLocations(db, q({ postcode: '69003', proximity: '500000' }))).total_items
		).toBe(3);
	});

	it('refuses a proximity without a postcode, and a postcode that is not one', () => {
		const url = (query: string) => new URL(`https://x.test/api/hsds/services?${query}`);
		expect(parseHsdsQuery(url('proximity=1000')).error?.issues[0].message).toContain(
			'give postcode too'
		);
		expect(parseHsdsQuery(url('postcode=%3Cscript%3E')).success).toBe(false);
		expect(parseHsdsQuery(url('postcode=69003&proximity=-5')).success).toBe(false);
	});
});
