import { noticeDeps } from '../test/factories.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DATABASES } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { auditLog } from '../platform/schema.ts';
import { listQuery } from '#lib/referrals/forms.ts';
import { changeStatus } from './transitions.ts';
import { postMessage } from './thread.ts';
import { getReferral } from './get-referral.ts';
import { listReferrals } from './list-referrals.ts';
import { anonymiseReferralsOf, referralsAboutPerson } from './person-data.ts';
import { exportMyData } from '../privacy/export-my-data.ts';
import { referral } from './schema.ts';
import type { ReferralDeps } from './deps.ts';
import { buildReferralWorld } from './test-world.ts';

describe.each(DATABASES)('referrals on $kind: who sees what', (target) => {
	let w: Awaited<ReturnType<typeof buildReferralWorld>>;
	let s: AppContext;
	let deps: ReferralDeps;
	let caseworker: Actor;
	let receiver: Actor;
	let third: Actor;
	let person: Actor & { id: string };
	let stranger: Actor;
	let admin: Actor;
	let moderator: Actor;
	beforeAll(async () => {
		w = await buildReferralWorld(target);
		({ s, deps, caseworker, receiver, third, person, stranger, admin, moderator } = w);
	});
	afterAll(() => s.database.close());
	const forPerson = (overrides: Record<string, unknown> = {}) => w.forPerson(overrides);

	it('shows a referral to the two organisations and the person only, and records each view', async () => {
		const created = await forPerson();
		if (!created.ok) throw new Error('not created');
		await changeStatus(deps, receiver, created.value.id, {
			transition: 'decline',
			expected: 'sent',
			reason: 'Full until June.'
		});
		for (const who of [third, stranger, admin, moderator, null])
			expect(await getReferral(s.database.db, who, created.value.id, 'en')).toBeNull();
		expect(await getReferral(s.database.db, caseworker, 'no-such-id', 'en')).toBeNull();

		const staffView = await getReferral(s.database.db, caseworker, created.value.id, 'en');
		expect(staffView).toMatchObject({
			viewer: { from: true, to: false, person: false },
			status: 'declined',
			reason: 'Full until June.',
			person: { name: 'Amina Yusuf', hasAccount: true },
			transitions: []
		});
		const own = await getReferral(s.database.db, person, created.value.id, 'en');
		expect(own).toMatchObject({
			viewer: { from: false, to: false, person: true },
			status: 'declined',
			service: { name: 'Legal clinic' },
			from: { name: 'Accueil Migrants Lyon' },
			reason: null,
			transitions: [],
			canMessage: true
		});
		expect(own!.thread.every((e) => e.body === null)).toBe(true);

		const views = await s.database.db
			.select({ actorId: auditLog.actorId, detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'referral.view'), eq(auditLog.subjectId, created.value.id)));
		expect(views.map((v) => v.actorId).sort()).toEqual([caseworker!.id, person.id].sort());
	});

	it('lets staff and the person write on the thread, and nobody else', async () => {
		const created = await forPerson();
		if (!created.ok) throw new Error('not created');
		expect(await postMessage(noticeDeps(s), third, created.value.id, { body: 'hi' })).toMatchObject(
			{
				kind: 'not_found'
			}
		);
		expect(
			await postMessage(noticeDeps(s), stranger, created.value.id, { body: 'hi' })
		).toMatchObject({ kind: 'not_found' });
		expect(
			await postMessage(noticeDeps(s), receiver, created.value.id, { body: '   ' })
		).toMatchObject({
			kind: 'invalid',
			errors: { body: 'referral_error_message_required' }
		});
		expect(
			await postMessage(noticeDeps(s), receiver, created.value.id, { body: 'Bring your passport.' })
		).toEqual({ ok: true });
		expect(
			await postMessage(noticeDeps(s), caseworker, created.value.id, { body: 'Noted.' })
		).toEqual({
			ok: true
		});
		expect(
			await postMessage(noticeDeps(s), person, created.value.id, { body: 'I will bring it.' })
		).toEqual({ ok: true });
		const own = await getReferral(s.database.db, person, created.value.id, 'en');
		expect(own!.thread.filter((e) => e.kind === 'message').map((e) => e.body)).toEqual([
			'Bring your passport.',
			'Noted.',
			'I will bring it.'
		]);
		const audit = await s.database.db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'referral.message'), eq(auditLog.subjectId, created.value.id))
			);
		expect(audit).toHaveLength(3);
		expect(JSON.stringify(audit)).not.toContain('passport');
	});

	it('lists referrals by side, and a person only their own', async () => {
		const mine = await forPerson();
		if (!mine.ok) throw new Error('not created');
		const q = (raw: Record<string, string>) => listQuery.parse(raw);
		const received = await listReferrals(s.database.db, receiver, q({}), 'en');
		expect(received?.box).toBe('received');
		expect(received?.items.map((r) => r.id)).toContain(mine.value.id);
		expect(received?.items.find((r) => r.id === mine.value.id)?.personName).toBe('Amina Yusuf');
		const sentBox = await listReferrals(
			s.database.db,
			caseworker,
			q({ box: 'sent', status: 'sent' }),
			'en'
		);
		expect(sentBox?.items.every((r) => r.status === 'sent')).toBe(true);
		expect(sentBox?.items.map((r) => r.id)).toContain(mine.value.id);
		expect(
			(await listReferrals(s.database.db, caseworker, q({ box: 'received' }), 'en'))?.items
		).toEqual([]);

		const own = await listReferrals(s.database.db, person, q({ box: 'received' }), 'en');
		expect(own?.boxes).toEqual(['mine']);
		expect(own?.box).toBe('mine');
		expect(own?.items.map((r) => r.id)).toContain(mine.value.id);
		expect(own?.items.every((r) => r.personName === null)).toBe(true);
		expect((await listReferrals(s.database.db, stranger, q({}), 'en'))?.items).toEqual([]);
		expect(
			(await listReferrals(s.database.db, third, q({ box: 'received' }), 'en'))?.items
		).toEqual([]);
		expect((await listReferrals(s.database.db, admin, q({}), 'en'))?.items).toEqual([]);
		expect(await listReferrals(s.database.db, null, q({}), 'en')).toBeNull();

		const later = new Date(Date.now() + 30 * 24 * 3600 * 1000);
		const overdue = await listReferrals(s.database.db, receiver, q({ overdue: '1' }), 'en', later);
		expect(overdue?.items.length).toBeGreaterThan(0);
		expect(overdue?.items.every((r) => r.overdue)).toBe(true);
		expect(
			(await listReferrals(s.database.db, receiver, q({ overdue: '1' }), 'en'))?.items
		).toEqual([]);
	});

	it('puts a person’s referrals in their data export, and forgets who it was on erasure', async () => {
		const created = await forPerson({ notes: 'Speaks Tigrinya.' });
		if (!created.ok) throw new Error('not created');
		const mine = await referralsAboutPerson(s.database.db, person.id);
		expect(mine.find((r) => r.id === created.value.id)).toMatchObject({
			service: 'Legal clinic',
			to: 'Clinique juridique',
			status: 'sent',
			shared: { notes: 'Speaks Tigrinya.' },
			consent: { purpose: 'Help with a residence permit application' }
		});
		const exported = await exportMyData(s.database.db, person.id);
		expect(exported?.referralsAboutYou.map((r) => r.id)).toContain(created.value.id);

		await anonymiseReferralsOf(s.database.db, person.id);
		const [row] = await s.database.db
			.select()
			.from(referral)
			.where(eq(referral.id, created.value.id));
		expect(row).toMatchObject({ personUserId: null, person: { name: '' }, status: 'sent' });
		expect(await referralsAboutPerson(s.database.db, person.id)).toEqual([]);
		// The organisations keep the referral and its history, without the person.
		expect(
			(await getReferral(s.database.db, receiver, created.value.id, 'en'))?.person.name
		).toBeNull();
	});
});
