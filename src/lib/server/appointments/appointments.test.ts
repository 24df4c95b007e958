import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { startSmsWebhook } from '../../../../tests/support/sms-webhook.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { notification } from '../notifications/schema.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { storeService } from '../services/store.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { bookSlot, bookingView, cancelBooking, openSlots } from './appointments.ts';
import { dayList, offerSlots, recordAttendance, setNote } from './staff.ts';
import { remindAppointments } from './reminders.ts';
import { appointment } from './schema.ts';

const ORIGIN = 'https://passerelle.test';
const DAY = 86_400_000;

describe.each(DATABASES)('appointments on $kind', (target) => {
	let s: AppContext;
	let sms: Awaited<ReturnType<typeof startSmsWebhook>>;
	let deps: Parameters<typeof bookSlot>[0];
	type A = Awaited<ReturnType<typeof buildActor>>;
	let counsellor: A, member: A;
	const orgId = randomUUID();
	const serviceId = randomUUID();
	const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
	const offer = (over: Record<string, string> = {}) => ({
		service: serviceId,
		date: tomorrow,
		from: '09:00',
		to: '11:00',
		length: '30',
		channel: 'video',
		videoUrl: 'https://meet.example.org/counselling',
		timeZone: 'Europe/Paris',
		...over
	});

	beforeAll(async () => {
		sms = await startSmsWebhook();
		s = await testServices(target, { SMS_WEBHOOK_URL: sms.url, ORIGIN });
		deps = { db: s.database.db, notifier: s.notifier, sms: s.sms, origin: ORIGIN };
		counsellor = await buildActor(s, { name: 'Counsellor' });
		member = await buildActor(s, { name: 'Member' });
		const db = s.database.db;
		await db
			.insert(organisation)
			.values({ id: orgId, slug: 'help-desk', name: 'Help desk', kind: 'ngo', status: 'approved' });
		await db
			.insert(organisationMember)
			.values({ organisationId: orgId, userId: counsellor.id, role: 'member', status: 'active' });
		await db.transaction((tx) =>
			storeService(tx, {
				organisationId: orgId,
				published: true,
				doc: { id: serviceId, name: 'Legal counselling', status: 'active' } as never
			})
		);
	});
	afterAll(async () => {
		await s.database.close();
		await sms.close();
	});

	it('staff offer slots; others cannot; bad input is refused whole', async () => {
		expect(await offerSlots(deps, member, offer())).toMatchObject({ kind: 'not_found' });
		for (const [change, errors] of [
			[{ length: '5' }, { length: 'error_appointment_length' }],
			[{ to: '08:00' }, { to: 'error_event_end' }],
			[{ videoUrl: 'javascript:alert(1)' }, { videoUrl: 'error_event_url' }],
			[{ videoUrl: '' }, { videoUrl: 'error_event_url_needed' }],
			[{ timeZone: 'Mars/Olympus' }, { timeZone: 'error_event_zone' }],
			[{ from: '00:00', to: '23:59', length: '10' }, { to: 'error_appointment_too_many' }]
		] as const)
			expect(await offerSlots(deps, counsellor, offer(change))).toMatchObject({
				ok: false,
				errors
			});
		expect(await s.database.db.select().from(appointment)).toHaveLength(0);
		expect(await offerSlots(deps, counsellor, offer())).toEqual({ ok: true, value: { count: 4 } });
		const open = await openSlots(s.database.db, serviceId);
		expect(open!.slots).toHaveLength(4);
		expect(open!.slots[0].startsAt.toISOString()).toMatch(/T0[78]:00:00.000Z$/);
	});

	it('two people booking one slot at once: one gets it, the other is told', async () => {
		const [slot] = (await openSlots(s.database.db, serviceId))!.slots;
		const [a, b] = await Promise.all([
			bookSlot(deps, member, slot.id, { name: 'Member' }),
			bookSlot(deps, null, slot.id, { name: 'Visitor', phone: '+33612345678' })
		]);
		expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
		const loser = a.ok ? b : a;
		expect(loser).toMatchObject({ kind: 'conflict', errors: { form: 'error_appointment_taken' } });
		expect((await openSlots(s.database.db, serviceId))!.slots).toHaveLength(3);
		// Clean for the next tests: whoever won cancels.
		if (a.ok) await cancelBooking(deps, member, slot.id);
		else if (b.ok) await cancelBooking(deps, null, slot.id, b.value.token);
	});

	it('without an account: a phone number, an SMS naming only the time, a link that cancels', async () => {
		const [slot] = (await openSlots(s.database.db, serviceId))!.slots;
		expect(await bookSlot(deps, null, slot.id, { name: 'Amal', phone: '12345' })).toMatchObject({
			errors: { phone: 'error_phone_invalid' }
		});
		expect(
			await bookSlot(deps, null, slot.id, { name: 'Amal', phone: '+33899000000' })
		).toMatchObject({
			ok: false
		});
		const booked = await bookSlot(
			deps,
			null,
			slot.id,
			{ name: 'Amal', phone: '+33 6 12 99 00 11' },
			{ locale: 'fr' }
		);
		if (!booked.ok) throw new Error(JSON.stringify(booked));
		await s.queue.drain();
		const text = sms.messages.find((m) => m.to === '+33612990011')!;
		expect(text.body).toContain('rendez-vous');
		expect(text.body).toContain(`${ORIGIN}/fr/appointments/${slot.id}?token=`);
		expect(text.body).not.toContain('Legal counselling');
		expect(await bookingView(s.database.db, null, slot.id)).toBeNull();
		expect(await bookingView(s.database.db, null, slot.id, booked.value.token)).toMatchObject({
			videoUrl: 'https://meet.example.org/counselling',
			canCancel: true
		});
		expect(await cancelBooking(deps, null, slot.id, 'wrong-token-value')).toMatchObject({
			kind: 'not_found'
		});
		expect(await cancelBooking(deps, null, slot.id, booked.value.token)).toEqual({
			ok: true,
			value: undefined
		});
		expect((await openSlots(s.database.db, serviceId))!.slots.map((x) => x.id)).toContain(slot.id);
	});

	it('a member books, is told and reminded; staff see the day with a private note; a no-show frees the slot', async () => {
		const [slot] = (await openSlots(s.database.db, serviceId))!.slots;
		const told = async () =>
			(
				await s.database.db
					.select()
					.from(notification)
					.where(
						and(eq(notification.userId, member.id), eq(notification.kind, 'appointment_booked'))
					)
			).length;
		const before = await told();
		const booked = await bookSlot(deps, member, slot.id, { name: 'Member' });
		expect(booked.ok).toBe(true);
		expect(await told()).toBe(before + 1);
		expect(await setNote(deps, member, slot.id, { note: 'mine' })).toMatchObject({
			kind: 'not_found'
		});
		expect(
			await setNote(deps, counsellor, slot.id, { note: 'Needs an interpreter (Tigrinya).' })
		).toMatchObject({ ok: true });
		const day = await dayList(s.database.db, counsellor, 'help-desk', {
			start: new Date(Date.now()),
			end: new Date(Date.now() + 2 * DAY)
		});
		expect(day!.rows.find((r) => r.id === slot.id)).toMatchObject({
			name: 'Member',
			note: 'Needs an interpreter (Tigrinya).'
		});
		expect(
			await dayList(s.database.db, member, 'help-desk', { start: new Date(), end: new Date() })
		).toBeNull();
		expect(JSON.stringify(await bookingView(s.database.db, member, slot.id))).not.toContain(
			'interpreter'
		);
		// The reminder within a day, once.
		const hourBefore = new Date(slot.startsAt.getTime() - 3_600_000);
		expect(await remindAppointments(deps, hourBefore)).toBe(1);
		expect(await remindAppointments(deps, hourBefore)).toBe(0);
		// Before it starts, no attendance; after, a no-show frees what is left of the slot.
		expect(await recordAttendance(deps, counsellor, slot.id, 'no_show')).toMatchObject({
			kind: 'conflict'
		});
		const during = new Date(slot.startsAt.getTime() + 5 * 60_000);
		expect(await recordAttendance(deps, counsellor, slot.id, 'no_show', during)).toMatchObject({
			ok: true
		});
		const [row] = await s.database.db.select().from(appointment).where(eq(appointment.id, slot.id));
		expect(row).toMatchObject({ status: 'open', bookedUserId: null, attendance: 'no_show' });
	});

	it('erasure releases a person’s bookings', async () => {
		const leaver = await buildActor(s, { name: 'Leaver' });
		const [slot] = (await openSlots(s.database.db, serviceId))!.slots;
		await bookSlot(deps, leaver, slot.id, { name: 'Leaver' });
		expect((await deleteMyAccount({ db: s.database.db, storage: s.storage }, leaver.id)).ok).toBe(
			true
		);
		const [row] = await s.database.db.select().from(appointment).where(eq(appointment.id, slot.id));
		expect(row).toMatchObject({ status: 'open', bookedName: null });
	});
});
