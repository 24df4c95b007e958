import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { organisation } from '../organisations/schema.ts';
import { serviceQuery } from '#lib/services/search-query.ts';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { searchServices } from './search-services.ts';
import { WORDS_CAP } from './search-sql.ts';
import { storeLocation, storeService, storeServiceAtLocation } from './store.ts';
import { service, serviceAtLocation, servicePlaceless } from './schema.ts';

// The shapes of the search that read only part of the matches: a floor past the cap, and pages
// that still reach every match in order; places nearest first, then services with no place.
const legal = DEFAULT_TERMS.find((t) => t.code === 'legal')!.id;
const PARIS = { lat: 48.8566, lon: 2.3522 };
// 2 name matches of "tenancy" + 70 other matches (in the description) + 5 not matching at all.
const NAMED = ['Tenancy rights desk', 'Zulu tenancy help'];
const OTHERS = Array.from({ length: 70 }, (_, i) => `Advice point ${String(i).padStart(2, '0')}`);

describe.each(DATABASES)('service search order on $kind', (target) => {
	let s: AppContext;
	const orgId = randomUUID();
	const ids = new Map<string, string>();
	beforeAll(async () => {
		s = await testServices(target);
		const db = s.database.db;
		await db.insert(organisation).values({ id: orgId, slug: 'order', name: 'Order', kind: 'ngo' });
		await db.transaction(async (tx) => {
			const names = [...NAMED, ...OTHERS, 'Food bank', 'Night shelter', 'Clothes', 'Bus', 'Park'];
			for (const [i, name] of names.entries()) {
				const id = randomUUID();
				ids.set(name, id);
				const matching = i < NAMED.length + OTHERS.length;
				await storeService(tx, {
					organisationId: orgId,
					published: true,
					doc: {
						id,
						name,
						status: 'active',
						description: matching ? 'Help with tenancy and housing.' : 'Something else.',
						attributes: [{ id: randomUUID(), taxonomy_term_id: legal }]
					} as never
				});
			}
			// Ten of the "advice points" around Paris, one kilometre apart going north.
			for (let i = 0; i < 10; i++) {
				const locationId = randomUUID();
				await storeLocation(tx, {
					organisationId: orgId,
					timeZone: 'Europe/Paris',
					doc: {
						id: locationId,
						location_type: 'physical',
						latitude: PARIS.lat + i * 0.009,
						longitude: PARIS.lon
					}
				});
				await storeServiceAtLocation(tx, {
					id: randomUUID(),
					service_id: ids.get(OTHERS[9 - i])!,
					location_id: locationId
				});
			}
		});
	});
	afterAll(() => s.database.close());
	const search = (q: Record<string, string>, origin: typeof PARIS | null = null) =>
		searchServices(s.database.db, serviceQuery.parse(q), { locale: 'en', origin });

	it('past the cap, shows a floor, names holding the words first, and pages reach every match', async () => {
		const first = await search({ q: 'tenancy' });
		expect(first.total).toBe(WORDS_CAP);
		expect(first.totalIsLowerBound).toBe(true);
		expect(first.items.slice(0, 2).map((i) => i.name)).toEqual(NAMED);
		// Walk the pages while the floor promises more: every match once, in order.
		const seen: string[] = [];
		for (let page = 1; page < 10; page++) {
			const r = await search({ q: 'tenancy', page: String(page) });
			seen.push(...r.items.map((i) => i.name));
			if (page * 20 >= r.total && !r.totalIsLowerBound) break;
		}
		expect(seen).toEqual([...NAMED, ...OTHERS]);
		// The last page knows the exact total.
		const last = await search({ q: 'tenancy', page: '4' });
		expect(last).toMatchObject({ total: 72, totalIsLowerBound: false });
	});

	it('ranks a few matches exactly and counts them', async () => {
		const r = await search({ q: 'zulu' });
		expect(r).toMatchObject({ total: 1, totalIsLowerBound: false });
		expect(r.items.map((i) => i.name)).toEqual(['Zulu tenancy help']);
	});

	it('lists places nearest first, then the services with no place, and counts both', async () => {
		const near = await search({ need: 'legal', radius: '6' }, PARIS);
		// 6 locations within 6 km (0 … 5 km), then the 67 services with no location, by name.
		expect(near.items.slice(0, 6).map((i) => i.name)).toEqual(OTHERS.slice(4, 10).reverse());
		expect(near.items.slice(0, 6).map((i) => Math.round(i.distanceKm!))).toEqual([
			0, 1, 2, 3, 4, 5
		]);
		expect(near.items[6]).toMatchObject({ name: OTHERS[10], distanceKm: null });
		expect(near).toMatchObject({ total: 6 + 2 + 60 + 5, totalIsLowerBound: false });
		// The third page is all placeless, in name order.
		const third = await search({ need: 'legal', radius: '6', page: '3' }, PARIS);
		expect(third.items.every((i) => i.distanceKm === null)).toBe(true);
	});

	it('keeps the list of placeless services as locations are linked and unlinked', async () => {
		const db = s.database.db;
		const placeless = async () =>
			new Set((await db.select().from(servicePlaceless)).map((r) => r.serviceId));
		const food = ids.get('Food bank')!;
		expect((await placeless()).has(food)).toBe(true);
		expect((await placeless()).has(ids.get(OTHERS[0])!)).toBe(false);
		const linkId = randomUUID();
		const [location] = await db.select().from(serviceAtLocation).limit(1);
		await db.transaction((tx) =>
			storeServiceAtLocation(tx, { id: linkId, service_id: food, location_id: location.locationId })
		);
		expect((await placeless()).has(food)).toBe(false);
		await db.delete(serviceAtLocation).where(eq(serviceAtLocation.id, linkId));
		expect((await placeless()).has(food)).toBe(true);
		// A service removed with its links leaves nothing behind.
		await db.delete(service).where(eq(service.id, ids.get(OTHERS[9])!));
		expect((await placeless()).has(ids.get(OTHERS[9])!)).toBe(false);
		expect((await placeless()).size).toBe(2 + 60 + 5);
	});
});
