import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember, noticeDeps } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { serviceForm } from '#lib/services/service-form.ts';
import { serviceQuery } from '#lib/services/search-query.ts';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { weeklySlots } from '#lib/services/hours.ts';
import { saveLocation, saveService } from './save-service.ts';
import { decideReview } from './review.ts';
import { getService } from './get-service.ts';
import { searchServices } from './search-services.ts';
import { serviceFormValues } from './service-form-values.ts';
import { hoursToday } from './sms/hours-today.ts';

const closed = { opens: '', closes: '', opens2: '', closes2: '' };
const form = (hours: (typeof closed)[]) => ({
	locale: 'en',
	texts: {
		name: 'Legal desk with a lunch break',
		description: 'Advice on papers.',
		eligibility: '',
		applicationProcess: '',
		feesDescription: '',
		interpretation: '',
		documents: ''
	},
	status: 'active',
	termIds: [DEFAULT_TERMS.find((t) => t.code === 'legal')!.id],
	languages: ['fr'],
	free: true,
	minimumAge: '',
	maximumAge: '',
	url: '',
	email: '',
	phone: '',
	locationIds: [] as string[],
	hours,
	hoursNote: ''
});

describe('two openings a day in the service form', () => {
	const monday = (h: Partial<typeof closed>) => [{ ...closed, ...h }, ...Array(6).fill(closed)];
	it('accepts a lunch break and refuses a second opening that overlaps or stands alone', () => {
		const ok = serviceForm.safeParse(
			form(monday({ opens: '09:00', closes: '12:00', opens2: '14:00', closes2: '17:30' }))
		);
		expect(ok.success).toBe(true);
		for (const h of [
			{ opens: '09:00', closes: '12:00', opens2: '11:00', closes2: '17:00' },
			{ opens: '09:00', closes: '12:00', opens2: '14:00', closes2: '' },
			{ opens2: '14:00', closes2: '17:00' },
			{ opens: '20:00', closes: '08:00', opens2: '09:00', closes2: '10:00' }
		])
			expect(serviceForm.safeParse(form(monday(h))).error?.issues[0].message).toBe(
				'error_service_time_invalid'
			);
	});
});

describe.each(DATABASES)('a lunch break on $kind', (target) => {
	let s: AppContext;
	let staff: Actor;
	let curator: Actor;
	const orgId = randomUUID();
	const opts = { timeZone: 'UTC' };
	beforeAll(async () => {
		s = await testServices(target);
		staff = { id: (await buildMember(s)).id, roles: ['member'] };
		curator = {
			id: (await buildMember(s, { roles: ['moderator'] })).id,
			roles: ['member', 'moderator']
		};
		await s.database.db
			.insert(organisation)
			.values({ id: orgId, slug: 'desk', name: 'Desk', kind: 'ngo' });
		await s.database.db
			.insert(organisationMember)
			.values({ organisationId: orgId, userId: staff!.id, role: 'admin', status: 'active' });
	});
	afterAll(() => s.database.close());

	it('is closed at lunch, open in the afternoon, shown as two ranges and kept by the form', async () => {
		const db = s.database.db;
		const place = await saveLocation(
			db,
			staff,
			{ organisationId: orgId, locationId: null },
			{
				name: 'Desk',
				address1: '1 rue Exemple',
				city: 'Paris',
				region: '',
				postalCode: '75001',
				country: 'FR',
				latitude: '48.8566',
				longitude: '2.3522',
				timeZone: 'Europe/Paris',
				accessibility: '',
				transportation: ''
			},
			opts
		);
		if (!place.ok) throw new Error('no place');
		const hours = [
			{ opens: '09:00', closes: '12:00', opens2: '14:00', closes2: '17:30' },
			...Array(6).fill(closed)
		];
		const saved = await saveService(
			db,
			staff,
			{ organisationId: orgId, serviceId: null },
			{ ...form(hours), locationIds: [place.value.id] },
			opts
		);
		if (!saved.ok) throw new Error(JSON.stringify(saved));
		await decideReview(noticeDeps(s), curator, saved.value.id, { approve: true, note: '' }, opts);
		// Monday 30 November 2026 in Paris (UTC+1): 12:30 closed, 14:30 open.
		const openAt = async (utc: string) =>
			(
				await searchServices(db, serviceQuery.parse({ open: '1' }), {
					locale: 'en',
					at: new Date(utc)
				})
			).items.some((i) => i.id === saved.value.id);
		expect(await openAt('2026-11-30T08:30:00Z')).toBe(true);
		expect(await openAt('2026-11-30T11:30:00Z')).toBe(false);
		expect(await openAt('2026-11-30T13:30:00Z')).toBe(true);
		expect(await openAt('2026-11-30T16:45:00Z')).toBe(false);
		const page = await getService(db, null, saved.value.id, {
			locale: 'en',
			now: new Date('2026-11-30T11:30:00Z')
		});
		expect(page?.openNow).toBe(false);
		expect(weeklySlots(page!.openings)[0]).toEqual({
			dow: 1,
			slots: ['09:00–12:00', '14:00–17:30']
		});
		const values = await serviceFormValues(db, orgId, saved.value.id, null);
		expect(values?.values.hours[0]).toEqual(hours[0]);
	});

	it('closed dates override the weekly hours: not open, said on the page, and kept by the form', async () => {
		const db = s.database.db;
		const hours = Array(7).fill({ ...closed, opens: '09:00', closes: '17:00' });
		const saved = await saveService(
			db,
			staff,
			{ organisationId: orgId, serviceId: null },
			{
				...form(hours),
				texts: { ...form(hours).texts, name: 'Desk closed for the holidays' },
				closures: '2026-12-24 – 2026-12-26\n2026-11-30'
			},
			opts
		);
		if (!saved.ok) throw new Error(JSON.stringify(saved));
		await decideReview(noticeDeps(s), curator, saved.value.id, { approve: true, note: '' }, opts);
		const openAt = async (utc: string) =>
			(
				await searchServices(db, serviceQuery.parse({ open: '1' }), {
					locale: 'en',
					at: new Date(utc)
				})
			).items.some((i) => i.id === saved.value.id);
		// No place: the deployment's time zone (UTC here). Tuesday 1 December: open; the closed days not.
		expect(await openAt('2026-12-01T10:00:00Z')).toBe(true);
		expect(await openAt('2026-11-30T10:00:00Z')).toBe(false);
		expect(await openAt('2026-12-25T10:00:00Z')).toBe(false);
		const page = await getService(db, null, saved.value.id, {
			locale: 'en',
			now: new Date('2026-12-25T10:00:00Z')
		});
		expect(page).toMatchObject({
			openNow: false,
			closedToday: true,
			closures: [{ from: '2026-12-24', to: '2026-12-26', hours: [] }]
		});
		expect(weeklySlots(page!.openings)[0].slots).toEqual(['09:00–17:00']);
		const values = await serviceFormValues(db, orgId, saved.value.id, null);
		expect(values?.values.closures).toBe('2026-11-30\n2026-12-24 – 2026-12-26');
		expect(
			serviceForm.safeParse({ ...form(hours), closures: '2026-12-26 – 2026-12-24' }).error
				?.issues[0].message
		).toBe('error_service_closures_invalid');
	});

	it('hours on a date replace the week: open only then, said on the page and in the SMS, kept by the form', async () => {
		const db = s.database.db;
		const hours = Array(7).fill({ ...closed, opens: '09:00', closes: '17:00' });
		const saved = await saveService(
			db,
			staff,
			{ organisationId: orgId, serviceId: null },
			{
				...form(hours),
				texts: { ...form(hours).texts, name: 'Desk with short hours on Christmas Eve' },
				closures: '2026-12-24 09:00–12:00, 14:00–15:00\n2026-12-25'
			},
			opts
		);
		if (!saved.ok) throw new Error(JSON.stringify(saved));
		await decideReview(noticeDeps(s), curator, saved.value.id, { approve: true, note: '' }, opts);
		const openAt = async (utc: string) =>
			(
				await searchServices(db, serviceQuery.parse({ open: '1' }), {
					locale: 'en',
					at: new Date(utc)
				})
			).items.some((i) => i.id === saved.value.id);
		expect(await openAt('2026-12-23T16:00:00Z')).toBe(true);
		expect(await openAt('2026-12-24T10:00:00Z')).toBe(true);
		// lunch and the afternoon of the 24th follow that day's hours, not the week's
		expect(await openAt('2026-12-24T13:00:00Z')).toBe(false);
		expect(await openAt('2026-12-24T14:30:00Z')).toBe(true);
		expect(await openAt('2026-12-24T16:00:00Z')).toBe(false);
		expect(await openAt('2026-12-25T10:00:00Z')).toBe(false);
		const page = await getService(db, null, saved.value.id, {
			locale: 'en',
			now: new Date('2026-12-24T16:00:00Z')
		});
		expect(page).toMatchObject({
			openNow: false,
			closedToday: false,
			closures: [
				{ from: '2026-12-24', to: '2026-12-24', hours: ['09:00–12:00', '14:00–15:00'] },
				{ from: '2026-12-25', to: '2026-12-25', hours: [] }
			]
		});
		expect(hoursToday(page!.openings, new Date('2026-12-24T08:00:00Z'))).toBe(
			'9:00-12:00 14:00-15:00'
		);
		expect(hoursToday(page!.openings, new Date('2026-12-25T08:00:00Z'))).toBe('');
		expect(hoursToday(page!.openings, new Date('2026-12-23T08:00:00Z'))).toBe('9:00-17:00');
		// HSDS carries them as dated schedules with times and no weekday
		const dated = (page!.doc.schedules ?? []).filter((x) => x.valid_from && x.opens_at);
		expect(dated.map((x) => [x.valid_from, x.opens_at, x.closes_at, x.byday])).toEqual([
			['2026-12-24', '09:00', '12:00', undefined],
			['2026-12-24', '14:00', '15:00', undefined]
		]);
		const values = await serviceFormValues(db, orgId, saved.value.id, null);
		expect(values?.values.closures).toBe('2026-12-24 09:00–12:00, 14:00–15:00\n2026-12-25');
	});
});
