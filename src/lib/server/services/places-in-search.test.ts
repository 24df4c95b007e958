import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { seedGazetteer } from '../places/seed-gazetteer.ts';
import { TEST_TOWNS } from '../places/test-towns.ts';
import { serviceQuery } from '#lib/services/search-query.ts';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { saveLocation } from './save-service.ts';
import { geocodeCity, searchServices, townInWords } from './search-services.ts';
import { locateUnplacedLocations, storeService, storeServiceAtLocation } from './store.ts';
import { serviceLocation } from './schema.ts';

// A place with an address and no coordinates is put at its town's centre, in its time zone; a
// search by the town's name (in the place field or among the words) finds what is there.
const legal = DEFAULT_TERMS.find((t) => t.code === 'legal')!.id;
const address = (over: Record<string, string> = {}) => ({
	name: 'Permanence juridique',
	address1: '12 rue Paul Bert',
	city: 'Lyon',
	region: '',
	postalCode: '69003',
	country: 'FR',
	latitude: '',
	longitude: '',
	timeZone: '',
	accessibility: '',
	transportation: '',
	...over
});

describe.each(DATABASES)('places in the service search on $kind', (target) => {
	let s: AppContext;
	let staff: Actor;
	const orgId = randomUUID();
	const opts = { timeZone: 'Africa/Abidjan' };
	beforeAll(async () => {
		s = await testServices(target);
		const db = s.database.db;
		await seedGazetteer(db, TEST_TOWNS);
		staff = await buildActor(s);
		await db
			.insert(organisation)
			.values({ id: orgId, slug: 'lyon-aid', name: 'Lyon aid', kind: 'ngo' });
		await db
			.insert(organisationMember)
			.values({ organisationId: orgId, userId: staff!.id, role: 'admin', status: 'active' });
	});
	afterAll(() => s.database.close());
	const place = async (id: string) =>
		(await s.database.db.select().from(serviceLocation).where(eq(serviceLocation.id, id)))[0];

	it('puts a place without coordinates at its town, approximate, in the town’s time zone', async () => {
		const saved = await saveLocation(
			s.database.db,
			staff,
			{ organisationId: orgId, locationId: null },
			address(),
			opts
		);
		expect(saved.ok).toBe(true);
		const row = await place(saved.ok ? saved.value.id : '');
		expect(row).toMatchObject({
			latitude: 45.74846,
			longitude: 4.84671,
			approximate: true,
			timeZone: 'Europe/Paris'
		});
	});

	it('takes coordinates with a decimal comma, and refuses a town it cannot place', async () => {
		const db = s.database.db;
		const exact = await saveLocation(
			db,
			staff,
			{ organisationId: orgId, locationId: null },
			address({ latitude: '45,7640', longitude: ' 4,8357' }),
			opts
		);
		expect(exact.ok).toBe(true);
		expect(await place(exact.ok ? exact.value.id : '')).toMatchObject({
			latitude: 45.764,
			longitude: 4.8357,
			approximate: false
		});
		expect(
			await saveLocation(
				db,
				staff,
				{ organisationId: orgId, locationId: null },
				address({ city: 'Atlantis' }),
				opts
			)
		).toMatchObject({
			ok: false,
			kind: 'invalid',
			errors: { city: 'error_location_town_unknown' }
		});
		expect(
			await saveLocation(
				db,
				staff,
				{ organisationId: orgId, locationId: null },
				address({ latitude: '45.7' }),
				opts
			)
		).toMatchObject({
			ok: false,
			errors: { latitude: 'error_location_coordinates_invalid' }
		});
	});

	it('finds the service by the town typed as a place or among the words; "bath" stays a word', async () => {
		const db = s.database.db;
		const saved = await saveLocation(
			db,
			staff,
			{ organisationId: orgId, locationId: null },
			address({ name: 'Accueil' }),
			opts
		);
		const serviceId = randomUUID();
		await db.transaction(async (tx) => {
			await storeService(tx, {
				organisationId: orgId,
				published: true,
				doc: {
					id: serviceId,
					name: 'Conseil juridique',
					status: 'active',
					description: 'Droit des étrangers.',
					attributes: [{ id: randomUUID(), taxonomy_term_id: legal }]
				} as never
			});
			await storeServiceAtLocation(tx, {
				id: randomUUID(),
				service_id: serviceId,
				location_id: saved.ok ? saved.value.id : ''
			});
		});
		const lyon = await geocodeCity(db, 'lyon', 'fr');
		expect(lyon).toMatchObject({ name: 'Lyon' });
		const near = await searchServices(db, serviceQuery.parse({ need: 'legal' }), {
			locale: 'fr',
			origin: lyon
		});
		expect(near.items.map((i) => i.name)).toContain('Conseil juridique');
		expect(near.items[0].distanceKm).toBeLessThan(1);
		expect(await townInWords(db, 'juridique Lyon')).toMatchObject({
			name: 'Lyon',
			rest: 'juridique'
		});
		expect(await townInWords(db, 'lyon')).toMatchObject({ name: 'Lyon', rest: '' });
		expect(await townInWords(db, 'bath shower')).toBeNull();
		expect(await townInWords(db, 'legal advice')).toBeNull();
	});

	it('places at start-up the locations saved without coordinates before the gazetteer', async () => {
		const db = s.database.db;
		const id = randomUUID();
		await db.insert(serviceLocation).values({
			id,
			organisationId: orgId,
			doc: {
				id,
				location_type: 'physical',
				addresses: [
					{ id: randomUUID(), address_1: '1 cours Émile Zola', city: 'Villeurbanne', country: 'FR' }
				]
			} as never,
			city: 'Villeurbanne',
			cityKey: 'villeurbanne',
			country: 'FR'
		});
		expect(await locateUnplacedLocations(db)).toBe(1);
		expect(await place(id)).toMatchObject({ latitude: 45.76601, approximate: true });
		expect(await locateUnplacedLocations(db)).toBe(0);
	});
});
