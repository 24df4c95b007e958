import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { service } from '../services/schema.ts';
import { refreshOpenings, storeService, storeServiceAtLocation } from '../services/store.ts';
import type { Org } from './plan-organisations.ts';
import { idFor, random } from './random.ts';
import { planService, type PlannedService } from './service-documents.ts';

/**
 * Plans `count` services and writes those that do not exist yet, one transaction per batch, with
 * the steps the application takes for a new service (applyVersion): storeService (the row and its
 * derived columns: search vector, facets, short code), storeServiceAtLocation for each place and
 * refreshOpenings. applyVersion itself is not called because it draws a random id for each new
 * link, and the generator's links have ids that follow from the seed.
 *
 * About seven statements a service: 10,000 services took 13 s as multi-row inserts and take about
 * 47 s this way on PostgreSQL.
 */
export async function writeServices(
	db: Db,
	opts: { seed: number; count: number; batch: number; now: Date },
	orgs: Org[],
	written: { services: number },
	log: (line: string) => void
): Promise<PlannedService[]> {
	const { seed, count, batch, now } = opts;
	const rnd = random(seed);
	const planned: PlannedService[] = [];
	for (let start = 0; start < count; start += batch) {
		const part: PlannedService[] = [];
		for (let i = start; i < Math.min(count, start + batch); i++)
			part.push(planService(seed, i, orgs, rnd, now));
		planned.push(...part);
		const existing = await db
			.select({ id: service.id })
			.from(service)
			.where(
				inArray(
					service.id,
					part.map((p) => p.id)
				)
			);
		const known = new Set(existing.map((e) => e.id));
		const fresh = part.filter((p) => !known.has(p.id));
		if (fresh.length)
			await db.transaction(async (tx) => {
				for (const p of fresh) {
					const org = orgs[p.orgIndex];
					await storeService(tx, {
						doc: p.doc,
						organisationId: org.id,
						contentLocale: p.contentLocale,
						translations: p.translations,
						published: p.published,
						verifiedAt: p.verifiedAt
					});
					for (const place of p.places)
						await storeServiceAtLocation(tx, {
							id: idFor(seed, 'service_at_location', p.id, place.id),
							service_id: p.id,
							location_id: place.id
						});
					await refreshOpenings(tx, p.id, org.home.timeZone);
				}
			});
		written.services += fresh.length;
		log(`services ${Math.min(count, start + batch)}/${count}`);
	}
	return planned;
}
