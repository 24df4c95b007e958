import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asc, count, eq, like, sql } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../platform/schema.ts';
import { referral, referralEvent, REFERRAL_STATUSES } from '../referrals/schema.ts';
import { serviceQuery } from '#lib/services/search-query.ts';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { validateLocation, validateService } from '../services/hsds/validate.ts';
import { generateServices } from './generate-services.ts';
import { geocodeCity, searchServices } from '../services/search-services.ts';
import { DEMO_SERVICES, seedDemoServices } from './demo-services.ts';
import { storeService } from '../services/store.ts';
import { service, serviceLocation, serviceOpening } from '../services/schema.ts';

const now = new Date('2026-11-25T11:00:00Z'); // a Wednesday
const options = { services: 200, referrals: 500, seed: 7, batch: 60, now };
const rows = (db: Db) =>
	db
		.select({ id: service.id, name: service.name, shortCode: service.shortCode })
		.from(service)
		.orderBy(asc(service.id));

describe.each(DATABASES)('service generator on $kind', (target) => {
	let s: AppContext;
	let db: Db;
	beforeAll(async () => {
		s = await testServices(target);
		db = s.database.db;
	});
	afterAll(() => s.database.close());
	const search = (
		q: Record<string, string>,
		extra: Parameters<typeof searchServices>[2] = { locale: 'en', at: now }
	) => searchServices(db, serviceQuery.parse(q), extra);

	it(
		'writes the same services for the same seed, and a second run adds nothing',
		{ timeout: 120_000 },
		async () => {
			const first = await generateServices(db, options);
			expect(first).toMatchObject({ services: 200, referrals: 500, organisations: 10 });
			const written = await rows(db);
			const again = await generateServices(db, options);
			expect(again).toEqual({ organisations: 0, locations: 0, services: 0, referrals: 0 });
			expect(await rows(db)).toEqual(written);
			// A fresh database with the same seed gets the same ids and names.
			const other = await testServices({ kind: 'pglite' });
			try {
				await generateServices(other.database.db, options);
				expect(await rows(other.database.db)).toEqual(written);
			} finally {
				await other.database.close();
			}
			expect(new Set(written.map((r) => r.name)).size).toBeGreaterThan(100);
			// A larger count adds the difference and leaves the rest as it was.
			const more = await generateServices(db, { ...options, services: 220 });
			expect(more).toMatchObject({ organisations: 1, services: 20, referrals: 0 });
			expect((await rows(db)).filter((r) => written.some((w) => w.id === r.id))).toEqual(written);
		}
	);

	it('writes HSDS documents that follow the schema', async () => {
		const docs = await db.select({ doc: service.doc }).from(service).limit(50);
		for (const { doc } of docs) expect(validateService(doc)).toEqual([]);
		const places = await db.select({ doc: serviceLocation.doc }).from(serviceLocation).limit(20);
		for (const { doc } of places) expect(validateLocation(doc)).toEqual([]);
		// The derived columns are the ones storeService would write for the same document.
		const [row] = await db
			.select()
			.from(service)
			.where(sql`${service.translations} ? 'ar'`)
			.limit(1);
		const copy = randomUUID();
		await storeService(db, { ...row, doc: { ...row.doc, id: copy } });
		const derived = (id: string) =>
			db
				.select({
					termIds: service.termIds,
					languages: service.languages,
					free: service.free,
					minimumAge: service.minimumAge,
					maximumAge: service.maximumAge,
					nameKey: service.nameKey,
					search: sql<string>`${service.search}::text`
				})
				.from(service)
				.where(eq(service.id, id));
		expect(await derived(copy)).toEqual(await derived(row.id));
		await db.delete(service).where(eq(service.id, copy));
		// Some shelters stay open past midnight: their interval is split at midnight.
		const [overnight] = await db
			.select({ n: count() })
			.from(serviceOpening)
			.where(sql`${serviceOpening.opens} = 0 and ${serviceOpening.closes} = 480`);
		expect(overnight.n).toBeGreaterThan(0);
	});

	it('makes services the public search finds by need, place, language and opening hours', async () => {
		const legal = DEFAULT_TERMS.find((t) => t.code === 'legal')!.id;
		const byNeed = await search({ need: 'legal' });
		expect(byNeed.total).toBeGreaterThan(0);
		for (const item of byNeed.items) expect(item.termIds).toContain(legal);

		const [place] = await db
			.select({ lat: serviceLocation.latitude, lon: serviceLocation.longitude })
			.from(serviceLocation)
			.orderBy(asc(serviceLocation.id))
			.limit(1);
		const near = await search(
			{},
			{ locale: 'en', at: now, origin: { lat: place.lat!, lon: place.lon! } }
		);
		const distances = near.items.map((i) => i.distanceKm ?? Infinity);
		expect(distances[0]).toBeLessThan(1);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));

		const arabic = await search({ language: 'ar' });
		expect(arabic.total).toBeGreaterThan(0);
		for (const item of arabic.items) expect(item.languages).toContain('ar');

		// Wednesday 11:00 UTC is office hours somewhere; 02:00 UTC only shelters and hotlines (or Asia).
		expect((await search({ open: '1' })).total).toBeGreaterThan(0);
		const night = await search(
			{ open: '1' },
			{ locale: 'en', at: new Date('2026-11-25T02:00:00Z') }
		);
		expect(night.total).toBeGreaterThan(0);

		// About nine in ten are published; unpublished and closed ones are not listed.
		const [all] = await db.select({ n: count() }).from(service);
		const listed = (await search({})).total;
		expect(listed).toBeGreaterThan(all.n * 0.75);
		expect(listed).toBeLessThan(all.n);
	});

	it('writes referrals between organisations with consistent statuses and history', async () => {
		const list = await db.select().from(referral);
		expect(list).toHaveLength(500);
		const statuses = new Set(list.map((r) => r.status));
		for (const status of statuses) expect(REFERRAL_STATUSES).toContain(status);
		expect(statuses.size).toBe(REFERRAL_STATUSES.length);
		for (const r of list) {
			expect(r.fromOrganisationId).not.toBe(r.toOrganisationId);
			expect(r.consent.recipientOrganisationId).toBe(r.toOrganisationId);
			expect(r.person.name).toBeTruthy();
			if (r.acceptedAt) expect(r.acceptedAt.getTime()).toBeGreaterThan(r.createdAt.getTime());
			if (r.closedAt) expect(r.closedAt.getTime()).toBeLessThanOrEqual(now.getTime());
			expect(!!r.closedAt).toBe(['declined', 'completed', 'closed'].includes(r.status));
		}
		const [mismatch] = await db
			.select({ n: count() })
			.from(referral)
			.innerJoin(service, sql`${service.id} = ${referral.serviceId}`)
			.where(sql`${service.organisationId} <> ${referral.toOrganisationId}`);
		expect(mismatch.n).toBe(0);
		const overdue = list.filter(
			(r) => ['sent', 'accepted', 'in_progress'].includes(r.status) && r.dueAt < now
		);
		expect(overdue.length).toBeGreaterThan(0);
		const [events] = await db.select({ n: count() }).from(referralEvent);
		expect(events.n).toBeGreaterThan(500);
		// Written by the referral operations: an audit row for each creation and each transition.
		const [audited] = await db
			.select({ n: count() })
			.from(auditLog)
			.where(like(auditLog.action, 'referral.%'));
		expect(audited.n).toBe(events.n);
		const [lastEvents] = await db
			.select({ n: count() })
			.from(referral)
			.where(
				sql`${referral.status} = (select e.status from referral_event e where e.referral_id = ${referral.id} order by e.created_at desc, e.id desc limit 1)`
			);
		expect(lastEvents.n).toBe(500);
	});
});

describe.each(DATABASES)('demo services on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target, { SEED_DEMO: 'true' });
	});
	afterAll(() => s.database.close());

	it('are seeded once with the demo organisations, valid, translated and searchable', async () => {
		const db = s.database.db;
		const rows = await db.select().from(service);
		expect(rows).toHaveLength(DEMO_SERVICES.length);
		expect(new Set(rows.flatMap((r) => r.termIds)).size).toBeGreaterThanOrEqual(8);
		for (const row of rows) {
			expect(validateService(row.doc)).toEqual([]);
			expect(row.published).toBe(true);
			const texts = [row.doc.name, ...Object.values(row.translations).map((t) => t.name)];
			expect(texts).toHaveLength(4);
			const arabic = row.contentLocale === 'ar' ? row.doc.name : row.translations.ar?.name;
			expect(arabic).toMatch(/^[\u0600-\u06ff\s–-]+$/);
		}
		expect(await seedDemoServices(db)).toBe(false);
		expect(await db.select({ n: count() }).from(service)).toEqual([{ n: DEMO_SERVICES.length }]);

		const paris = await geocodeCity(db, 'Paris');
		const legal = async (locale: string) =>
			searchServices(db, serviceQuery.parse({ need: 'legal' }), { locale, origin: paris });
		expect((await legal('en')).items[0]).toMatchObject({
			name: 'Legal advice for newcomers',
			free: true
		});
		expect((await legal('ar')).items[0].name).toBe('استشارات قانونية للقادمين الجدد');
		// 02:00 in Lyon on a Wednesday: the night shelter is open.
		const night = await searchServices(db, serviceQuery.parse({ open: '1' }), {
			locale: 'en',
			at: new Date('2026-11-25T01:00:00Z')
		});
		expect(night.items.map((i) => i.name)).toContain('Night shelter');
	});
});
