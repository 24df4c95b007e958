import { noticeDeps } from '../test/factories.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { outbox } from '../platform/schema.ts';
import { serviceQuery } from '#lib/services/search-query.ts';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { geocodeCity, searchServices } from './search-services.ts';
import { saveLocation, saveService } from './save-service.ts';
import { confirmAccurate, decideReview, reviewQueue } from './review.ts';
import { getService, serviceIdForCode } from './get-service.ts';
import { remindStaleServices } from './stale.ts';
import { service } from './schema.ts';

const term = (code: string) => DEFAULT_TERMS.find((t) => t.code === code)!.id;
const noHours = Array.from({ length: 7 }, () => ({ opens: '', closes: '' }));
const form = (over: Record<string, unknown> = {}) => ({
	locale: 'en',
	texts: {
		name: 'Legal advice clinic',
		description: 'Free advice on residence permits and asylum.',
		eligibility: 'Anyone over 16',
		applicationProcess: 'Walk in',
		feesDescription: '',
		interpretation: 'Arabic, Dari',
		documents: 'Any identity document\nProof of address'
	},
	status: 'active',
	termIds: [term('legal')],
	languages: ['en', 'ar'],
	free: true,
	minimumAge: 16,
	maximumAge: '',
	url: '',
	email: 'clinic@example.org',
	phone: '+33 1 23 45 67 89',
	locationIds: [] as string[],
	hours: noHours,
	hoursNote: '',
	...over
});
const place = (name: string, city: string, lat: number, lon: number, timeZone: string) => ({
	name,
	address1: '1 rue Exemple',
	city,
	region: '',
	postalCode: '75001',
	country: 'FR',
	latitude: String(lat),
	longitude: String(lon),
	timeZone,
	accessibility: 'Step-free entrance',
	transportation: ''
});

describe.each(DATABASES)('services on $kind', (target) => {
	let s: AppContext;
	let provider: Actor;
	let curator: Actor;
	let outsider: Actor;
	let orgId: string;
	const opts = { timeZone: 'UTC' };
	beforeAll(async () => {
		s = await testServices(target);
		const db = s.database.db;
		provider = { id: (await buildMember(s)).id, roles: ['member'] };
		curator = {
			id: (await buildMember(s, { roles: ['moderator'] })).id,
			roles: ['member', 'moderator']
		};
		outsider = { id: (await buildMember(s)).id, roles: ['member'] };
		orgId = randomUUID();
		await db.insert(organisation).values({ id: orgId, slug: 'aid', name: 'Aid', kind: 'ngo' });
		await db
			.insert(organisationMember)
			.values({ organisationId: orgId, userId: provider!.id, role: 'admin', status: 'active' });
	});
	afterAll(() => s.database.close());
	const search = (
		q: Record<string, string>,
		extra: Parameters<typeof searchServices>[2] = { locale: 'en' }
	) => searchServices(s.database.db, serviceQuery.parse(q), extra);

	it('a provider writes a service; the public sees it only once a curator approves', async () => {
		const db = s.database.db;
		expect(
			await saveService(db, outsider, { organisationId: orgId, serviceId: null }, form(), opts)
		).toMatchObject({ ok: false, kind: 'forbidden' });
		const bad = await saveService(
			db,
			provider,
			{ organisationId: orgId, serviceId: null },
			form({ termIds: [], texts: { ...form().texts, name: 'x' } }),
			opts
		);
		expect(bad).toMatchObject({
			ok: false,
			kind: 'invalid',
			errors: { termIds: 'error_service_need_required', 'texts.name': 'error_service_name_invalid' }
		});
		const paris = await saveLocation(
			db,
			provider,
			{ organisationId: orgId, locationId: null },
			place('Paris office', 'Paris', 48.8566, 2.3522, 'Europe/Paris'),
			opts
		);
		expect(paris.ok).toBe(true);
		const saved = await saveService(
			db,
			provider,
			{ organisationId: orgId, serviceId: null },
			form({ locationIds: [paris.ok && paris.value.id] }),
			opts
		);
		expect(saved).toMatchObject({ ok: true, value: { published: false, pending: true } });
		const id = saved.ok ? saved.value.id : '';
		expect((await search({ q: 'legal' })).total).toBe(0);
		expect(await getService(db, null, id, { locale: 'en' })).toBeNull();
		expect((await getService(db, provider, id, { locale: 'en' }))?.reviewState).toBe('pending');
		expect((await reviewQueue(db)).map((r) => r.id)).toContain(id);
		expect(
			await decideReview(noticeDeps(s), provider, id, { approve: true, note: '' }, opts)
		).toMatchObject({
			kind: 'forbidden'
		});
		expect(
			await decideReview(noticeDeps(s), curator, id, { approve: false, note: '' }, opts)
		).toMatchObject({
			kind: 'invalid'
		});
		expect(
			await decideReview(noticeDeps(s), curator, id, { approve: true, note: '' }, opts)
		).toEqual({
			ok: true
		});
		const found = await search({ q: 'residence permit' });
		expect(found.items.map((i) => i.id)).toEqual([id]);
		const page = await getService(db, null, id, { locale: 'en' });
		expect(page?.doc.required_documents?.map((d) => d.document)).toEqual([
			'Any identity document',
			'Proof of address'
		]);
		expect(page?.verifiedAt).toBeInstanceOf(Date);
		expect(await serviceIdForCode(db, page!.shortCode)).toBe(id);
	});

	it('an edit of a published service waits as a proposal; translations are kept per language', async () => {
		const db = s.database.db;
		const [row] = await db.select().from(service).where(eq(service.name, 'Legal advice clinic'));
		const fr = form({
			locale: 'fr',
			texts: {
				...form().texts,
				name: 'Permanence juridique',
				description: 'Conseils gratuits sur les titres de séjour.'
			}
		});
		expect(
			await saveService(db, provider, { organisationId: orgId, serviceId: row.id }, fr, opts)
		).toMatchObject({ ok: true, value: { pending: true, published: true } });
		// Still the approved version for the public until a curator decides.
		expect((await search({ q: 'permanence' })).total).toBe(0);
		expect(
			await decideReview(
				noticeDeps(s),
				curator,
				row.id,
				{ approve: false, note: 'Please add hours' },
				opts
			)
		).toEqual({ ok: true });
		expect((await getService(db, provider, row.id, { locale: 'en' }))?.reviewNote).toBe(
			'Please add hours'
		);
		const hours = noHours.map((h, i) => (i < 5 ? { opens: '09:00', closes: '17:00' } : h));
		await saveService(
			db,
			provider,
			{ organisationId: orgId, serviceId: row.id },
			{ ...fr, hours },
			opts
		);
		await decideReview(noticeDeps(s), curator, row.id, { approve: true, note: '' }, opts);
		const inFrench = await search({ q: 'permanence' }, { locale: 'fr' });
		expect(inFrench.items[0]).toMatchObject({
			id: row.id,
			name: 'Permanence juridique',
			language: 'fr'
		});
		// English readers still read the English text.
		expect((await getService(db, null, row.id, { locale: 'en' }))?.texts.name).toBe(
			'Legal advice clinic'
		);
		// Paris, Monday 23 November 2026 10:00 local = 09:00 UTC: open. 18:00 local: closed.
		const open = await search(
			{ open: '1' },
			{ locale: 'en', at: new Date('2026-11-23T09:00:00Z') }
		);
		expect(open.items.map((i) => i.id)).toContain(row.id);
		const closed = await search(
			{ open: '1' },
			{ locale: 'en', at: new Date('2026-11-23T17:30:00Z') }
		);
		expect(closed.items.map((i) => i.id)).not.toContain(row.id);
	});

	it('filters by need, language, price and age, and sorts by distance from a city', async () => {
		const db = s.database.db;
		const lyon = await saveLocation(
			db,
			provider,
			{ organisationId: orgId, locationId: null },
			place('Lyon office', 'Lyon', 45.764, 4.8357, 'Europe/Paris'),
			opts
		);
		const marseille = await saveLocation(
			db,
			provider,
			{ organisationId: orgId, locationId: null },
			place('Marseille office', 'Marseille', 43.2965, 5.3698, 'Europe/Paris'),
			opts
		);
		for (const [name, loc, extra] of [
			[
				'Food bank Lyon',
				lyon,
				{ termIds: [term('food')], languages: ['fr'], free: true, minimumAge: '' }
			],
			[
				'Food bank Marseille',
				marseille,
				{ termIds: [term('food')], languages: ['fr', 'es'], free: false, minimumAge: '' }
			],
			[
				'Youth shelter Lyon',
				lyon,
				{
					termIds: [term('housing'), term('children')],
					languages: ['fr'],
					free: true,
					minimumAge: 12,
					maximumAge: 17
				}
			]
		] as const) {
			const r = await saveService(
				db,
				provider,
				{ organisationId: orgId, serviceId: null },
				form({
					texts: { ...form().texts, name, description: name },
					locationIds: [loc.ok && loc.value.id],
					...extra
				}),
				opts
			);
			if (r.ok)
				await decideReview(noticeDeps(s), curator, r.value.id, { approve: true, note: '' }, opts);
		}
		const names = async (q: Record<string, string>, extra?: Parameters<typeof searchServices>[2]) =>
			(await search(q, extra)).items.map((i) => i.name);
		expect(await names({ need: 'food' })).toEqual(['Food bank Lyon', 'Food bank Marseille']);
		expect(await names({ need: 'food', language: 'es' })).toEqual(['Food bank Marseille']);
		expect(await names({ need: 'food', free: '1' })).toEqual(['Food bank Lyon']);
		expect(await names({ need: 'housing', age: '30' })).toEqual([]);
		expect(await names({ need: 'housing', age: '15' })).toEqual(['Youth shelter Lyon']);
		expect(await names({ need: 'nonsense' })).toEqual([]);
		// Words in another language find the need: "logement" is the French label of housing.
		expect(await names({ q: 'logement' })).toEqual(['Youth shelter Lyon']);
		const marseilleCentre = await geocodeCity(db, 'MARSEILLE');
		expect(marseilleCentre?.lat).toBeCloseTo(43.2965, 3);
		// Within 100 km by default: Lyon (280 km) only when asked to look further.
		const around = await search({ need: 'food' }, { locale: 'en', origin: marseilleCentre });
		expect(around.items.map((i) => i.name)).toEqual(['Food bank Marseille']);
		const near = await search(
			{ need: 'food', radius: '500' },
			{ locale: 'en', origin: marseilleCentre }
		);
		expect(near.items.map((i) => i.name)).toEqual(['Food bank Marseille', 'Food bank Lyon']);
		expect(near.items[0].distanceKm).toBeLessThan(1);
		expect(near.items[1].distanceKm).toBeGreaterThan(250);
		const within = await search(
			{ need: 'food', radius: '50' },
			{ locale: 'en', origin: marseilleCentre }
		);
		expect(within.items.map((i) => i.name)).toEqual(['Food bank Marseille']);
		// A service with no place (a helpline) still answers a place search, after the nearby ones.
		const helpline = await saveService(
			db,
			provider,
			{ organisationId: orgId, serviceId: null },
			form({
				texts: { ...form().texts, name: 'Food helpline', description: 'By phone' },
				termIds: [term('food')]
			}),
			opts
		);
		if (helpline.ok)
			await decideReview(
				noticeDeps(s),
				curator,
				helpline.value.id,
				{ approve: true, note: '' },
				opts
			);
		const withHelpline = await search({ need: 'food' }, { locale: 'en', origin: marseilleCentre });
		expect(withHelpline.items.map((i) => [i.name, i.distanceKm === null])).toEqual([
			['Food bank Marseille', false],
			['Food helpline', true]
		]);
	});

	it('answers "open now" in SQL as the page does, overnight and in the service time zone', async () => {
		const db = s.database.db;
		const tokyo = await saveLocation(
			db,
			provider,
			{ organisationId: orgId, locationId: null },
			{ ...place('Tokyo desk', 'Tokyo', 35.6762, 139.6503, 'Asia/Tokyo'), country: 'JP' },
			opts
		);
		// Sunday 22:00 to Monday 06:00, Tokyo time.
		const hours = noHours.map((h, i) => (i === 6 ? { opens: '22:00', closes: '06:00' } : h));
		const r = await saveService(
			db,
			provider,
			{ organisationId: orgId, serviceId: null },
			form({
				texts: { ...form().texts, name: 'Tokyo night line' },
				locationIds: [tokyo.ok && tokyo.value.id],
				hours
			}),
			opts
		);
		expect(r.ok).toBe(true);
		const id = r.ok ? r.value.id : '';
		await decideReview(noticeDeps(s), curator, id, { approve: true, note: '' }, opts);
		for (const [instant, open] of [
			['2026-11-22T13:30:00Z', true], // Sunday 22:30 in Tokyo
			['2026-11-22T20:59:00Z', true], // Monday 05:59
			['2026-11-22T21:00:00Z', false], // Monday 06:00
			['2026-11-22T12:59:00Z', false], // Sunday 21:59
			['2026-11-23T13:30:00Z', false] // Monday 22:30
		] as const) {
			const at = new Date(instant);
			const found = await search({ open: '1', q: 'tokyo' }, { locale: 'en', at });
			expect(found.items.map((i) => i.id).includes(id), instant).toBe(open);
			expect((await getService(db, null, id, { locale: 'en', now: at }))?.openNow, instant).toBe(
				open
			);
		}
	});

	it('flags services not verified for a while and reminds the providers once per period', async () => {
		const db = s.database.db;
		const later = new Date(Date.now() + 200 * 24 * 3600 * 1000);
		const first = await remindStaleServices(db, s.mailer, {
			staleDays: 180,
			origin: 'http://x',
			now: later
		});
		expect(first.services).toBeGreaterThan(0);
		expect(first.emails).toBe(1);
		const again = await remindStaleServices(db, s.mailer, {
			staleDays: 180,
			origin: 'http://x',
			now: later
		});
		expect(again).toEqual({ services: 0, emails: 0 });
		const mails = await db.select().from(outbox);
		expect(mails.at(-1)?.body).toContain('Legal advice clinic');
		const [row] = await db.select().from(service).where(eq(service.name, 'Legal advice clinic'));
		const target = { organisationId: row.organisationId, serviceId: row.id };
		expect(await confirmAccurate(db, outsider, target)).toMatchObject({ kind: 'forbidden' });
		const elsewhere = { organisationId: crypto.randomUUID(), serviceId: row.id };
		expect(await confirmAccurate(db, provider, elsewhere)).toMatchObject({ kind: 'not_found' });
		expect(await confirmAccurate(db, provider, target, later)).toEqual({ ok: true });
		const [after] = await db.select().from(service).where(eq(service.id, row.id));
		expect(after.verifiedAt?.getTime()).toBe(later.getTime());
		expect(after.doc.assured_date).toBe(later.toISOString().slice(0, 10));
	});
});
