import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { HsdsLocation } from '../services/hsds-types.ts';
import { serviceLocation } from '../services/schema.ts';
import { storeLocation } from '../services/store.ts';
import type { Org } from './plan-organisations.ts';
import { chunks, idFor, random, seedFor } from './random.ts';
import { CITIES, DOC_WORDS, PLACES, STREETS } from './service-data.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * Locations: one to three per organisation, mostly in its home city; drawn per organisation so
 * that a later run with more organisations gives the same ones the same places. Each is written
 * with storeLocation, as a provider's place is; those that exist are left as they are.
 */
export async function generateLocations(
	db: Db,
	seed: number,
	orgs: Org[],
	written: { locations: number }
) {
	const planned: { doc: HsdsLocation; organisationId: string; timeZone: string }[] = [];
	for (const org of orgs) {
		const rnd = random(seedFor(seed, 'locations', org.id));
		const count = 1 + Math.floor(rnd() * 3);
		for (let j = 0; j < count; j++) {
			const c = rnd() < 0.85 ? org.home : CITIES[Math.floor(rnd() * CITIES.length)];
			const id = idFor(seed, 'location', org.id, j);
			const latitude = round(c.lat + (rnd() - 0.5) * 0.12);
			const longitude = round(c.lon + ((rnd() - 0.5) * 0.12) / Math.cos((c.lat * Math.PI) / 180));
			const doc: HsdsLocation = {
				id,
				location_type: 'physical',
				...(UUID.test(org.id) ? { organization_id: org.id } : {}),
				name: `${PLACES[c.locale][j % 4]} – ${c.locale === 'ar' ? c.ar : c.name}`,
				latitude,
				longitude,
				addresses: [
					{
						id: idFor(seed, 'address', id),
						location_id: id,
						address_1: `${1 + Math.floor(rnd() * 180)} ${STREETS[c.locale][Math.floor(rnd() * STREETS[c.locale].length)]}`,
						city: c.name,
						state_province: '',
						postal_code: String(10000 + Math.floor(rnd() * 89999)),
						country: c.country,
						address_type: 'physical'
					}
				],
				accessibility:
					rnd() < 0.6
						? [
								{
									id: idFor(seed, 'access', id),
									location_id: id,
									description: DOC_WORDS.accessibility
								}
							]
						: []
			};
			org.locations.push({ id, city: c, latitude, longitude });
			planned.push({ doc, organisationId: org.id, timeZone: c.timeZone });
		}
	}
	for (const part of chunks(planned, 500)) {
		const ids = part.map((p) => p.doc.id);
		const existing = await db
			.select({ id: serviceLocation.id })
			.from(serviceLocation)
			.where(inArray(serviceLocation.id, ids));
		const known = new Set(existing.map((e) => e.id));
		const fresh = part.filter((p) => !known.has(p.doc.id));
		if (!fresh.length) continue;
		await db.transaction(async (tx) => {
			for (const location of fresh) await storeLocation(tx, location);
		});
		written.locations += fresh.length;
	}
	return planned.length;
}
