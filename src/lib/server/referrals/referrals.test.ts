import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, count, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Email } from '../platform/mail.ts';
import { auditLog } from '../platform/schema.ts';
import { listQuery } from '#lib/referrals/forms.ts';
import { createReferral } from './create-referral.ts';
import { answerAsPerson } from './person-confirmation.ts';
import { changeStatus } from './transitions.ts';
import { postMessage } from './thread.ts';
import { getReferral } from './get-referral.ts';
import { listReferrals } from './list-referrals.ts';
import { anonymiseReferralsOf, referralsAboutPerson } from './person-data.ts';
import { exportMyData } from '../privacy/export-my-data.ts';
import { referral, referralEvent } from './schema.ts';
import type { ReferralDeps } from './deps.ts';
import { buildOrganisation, buildService, referralFormFor } from './test-helpers.ts';

describe.each(DATABASES)('referrals on $kind', (target) => {
	let s: AppContext;
	let deps: ReferralDeps;
	const sent: Email[] = [];
	let caseworker: Actor, receiver: Actor, colleague: Actor, third: Actor;
	let person: Actor & { id: string }, stranger: Actor, admin: Actor, moderator: Actor;
	let personEmail: string;
	let from: { id: string }, to: { id: string }, serviceId: string, ownServiceId: string;

	const actor = async (roles: ('administrator' | 'moderator')[] = []) => {
		const m = await buildMember(s, { roles });
		return { id: m.id, roles: ['member' as const, ...roles], email: m.email };
	};

	beforeAll(async () => {
		s = await testServices(target);
		deps = {
			db: s.database.db,
			dueDays: 7,
			origin: 'https://passerelle.test',
			mailer: { send: async (e) => void sent.push(e) }
		};
		[caseworker, receiver, colleague, third, stranger] = await Promise.all(
			[1, 2, 3, 4, 5].map(() => actor())
		);
		const p = await actor();
		person = p;
		personEmail = p.email;
		admin = await actor(['administrator']);
		moderator = await actor(['moderator']);
		from = await buildOrganisation(s, 'Accueil Migrants Lyon', [caseworker!.id]);
		to = await buildOrganisation(s, 'Clinique juridique', [receiver!.id, colleague!.id]);
		await buildOrganisation(s, 'Third', [third!.id]);
		serviceId = await buildService(s, to.id, { name: 'Legal clinic' });
		ownServiceId = await buildService(s, from.id, { name: 'Our own desk' });
	});
	afterAll(() => s.database.close());

	const create = (overrides: Record<string, unknown> = {}, who: Actor = caseworker) =>
		createReferral(deps, who, referralFormFor(serviceId, from.id, overrides));
	/** A referral for the person, who then confirms it is them (the only way it is linked). */
	const forPerson = async (overrides: Record<string, unknown> = {}) => {
		const created = await create({ contact: personEmail, ...overrides });
		if (!created.ok) throw new Error('not created');
		const linked = await answerAsPerson(s.database.db, person, { id: created.value.id }, 'me');
		if (!linked.ok) throw new Error('not linked');
		return created;
	};

	it('closes the loop: sent, accepted, in progress, completed with feedback', async () => {
		sent.length = 0;
		const created = await create({ contact: personEmail.toUpperCase() });
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		const [row] = await s.database.db
			.select()
			.from(referral)
			.where(eq(referral.id, created.value.id));
		// Nothing is linked until the person says "this is me"; the contact typed is kept.
		expect(row).toMatchObject({
			status: 'sent',
			personUserId: null,
			personConfirmation: 'pending',
			toOrganisationId: to.id
		});
		expect(row.person).toMatchObject({ name: 'Amina Yusuf', email: personEmail, language: 'ar' });
		expect(row.consent).toMatchObject({ recipientOrganisationId: to.id, method: 'verbal' });
		expect(row.dueAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);
		// The receiving organisation's admin hears of it, with a link and nothing personal.
		const toAdmins = sent.filter((e) => e.to !== personEmail);
		expect(toAdmins).toHaveLength(1);
		expect(toAdmins[0].text).toContain(`https://passerelle.test/en/referrals/${created.value.id}`);
		expect(toAdmins[0].text).not.toMatch(/Amina|Legal clinic|residence permit/);
		// The person is asked, with a link and nothing more.
		const asked = sent.filter((e) => e.to === personEmail);
		expect(asked).toHaveLength(1);
		expect(asked[0].text).toMatch(/https:\/\/passerelle\.test\/ar\/referrals\/claim\/[\w-]{43}/);
		expect(asked[0].text).not.toMatch(/Amina|Legal clinic|Clinique|Accueil|residence permit/);
		sent.length = 0;

		const step = (transition: string, expected: string, extra = {}) =>
			changeStatus(deps, receiver, created.value.id, { transition, expected, ...extra });
		expect(await step('accept', 'sent')).toEqual({ ok: true, value: 'accepted' });
		const [accepted] = await s.database.db
			.select()
			.from(referral)
			.where(eq(referral.id, created.value.id));
		expect(accepted.dueAt.getTime() - accepted.acceptedAt!.getTime()).toBe(28 * 24 * 3600 * 1000);
		expect(await step('start', 'accepted')).toEqual({ ok: true, value: 'in_progress' });
		expect(
			await step('complete', 'in_progress', { outcome: 'service_provided', feedback: '' })
		).toMatchObject({
			ok: false,
			kind: 'invalid',
			errors: { feedback: 'referral_error_feedback_required' }
		});
		expect(await step('complete', 'in_progress', { feedback: 'Permit filed.' })).toMatchObject({
			ok: false,
			errors: { outcome: 'referral_error_outcome_required' }
		});
		expect(
			await step('complete', 'in_progress', {
				outcome: 'service_provided',
				feedback: 'Permit filed.'
			})
		).toEqual({ ok: true, value: 'completed' });
		expect(await step('close', 'completed', { outcome: 'other', feedback: 'again' })).toMatchObject(
			{
				ok: false,
				kind: 'forbidden'
			}
		);

		const events = await s.database.db
			.select({ status: referralEvent.status, body: referralEvent.body })
			.from(referralEvent)
			.where(eq(referralEvent.referralId, created.value.id))
			.orderBy(referralEvent.id);
		expect(events.map((e) => e.status)).toEqual(['sent', 'accepted', 'in_progress', 'completed']);
		expect(events[3].body).toBe('Permit filed.');
		const audit = await s.database.db
			.select({ action: auditLog.action, actorId: auditLog.actorId })
			.from(auditLog)
			.where(and(eq(auditLog.subjectType, 'referral'), eq(auditLog.subjectId, created.value.id)))
			.orderBy(auditLog.id);
		expect(audit.map((a) => a.action)).toEqual([
			'referral.create',
			'referral.accept',
			'referral.start',
			'referral.complete'
		]);
		// The caseworker who referred is told of each change, in a link-only e-mail.
		expect(sent.length).toBe(3);
		expect(sent.every((e) => !/Permit filed/.test(e.text))).toBe(true);
	});

	it('needs the consent, a purpose and someone to refer; keeps only what was agreed', async () => {
		expect(await create({ agreed: false })).toMatchObject({
			ok: false,
			kind: 'invalid',
			errors: { agreed: 'referral_error_consent_required' }
		});
		expect(await create({ agreed: undefined, purpose: '', method: 'telepathy' })).toMatchObject({
			errors: {
				agreed: 'referral_error_consent_required',
				purpose: 'referral_error_purpose_required',
				method: 'referral_error_method_required'
			}
		});
		expect(await create({ shared: ['name', 'passport'] })).toMatchObject({
			kind: 'invalid',
			errors: { shared: 'referral_error_shared_invalid' }
		});
		expect(await create({ name: '', contact: '+33 6 12 34 56 78' })).toMatchObject({
			errors: { name: 'referral_error_name_required' }
		});
		expect(await create({ shared: ['language', 'notes'] })).toMatchObject({
			errors: { shared: 'referral_error_share_identity' }
		});
		expect(await create({ name: 'A\u202eB' })).toMatchObject({
			errors: { name: 'referral_error_name_invalid' }
		});
		expect(await create({ contact: 'not a phone' })).toMatchObject({
			errors: { contact: 'referral_error_contact_invalid' }
		});

		const created = await create({ contact: '+33 6 12 34 56 78', shared: ['name'] });
		if (!created.ok) throw new Error('not created');
		const [row] = await s.database.db
			.select()
			.from(referral)
			.where(eq(referral.id, created.value.id));
		expect(row.person).toEqual({ name: 'Amina Yusuf' });
		expect(row.personUserId).toBeNull();
		expect(row.consent.shared).toEqual(['name']);

		const phoneOnly = await create({ contact: '+33612345678', shared: ['contact'] });
		if (!phoneOnly.ok) throw new Error('not created');
		const [second] = await s.database.db
			.select()
			.from(referral)
			.where(eq(referral.id, phoneOnly.value.id));
		expect(second.person).toEqual({ name: '', phone: '+33612345678' });
	});

	it('refuses a referral to one’s own organisation, from someone else’s, or to a hidden service', async () => {
		expect(
			await createReferral(deps, caseworker, referralFormFor(ownServiceId, from.id))
		).toMatchObject({
			kind: 'invalid',
			errors: { fromOrganisationId: 'referral_error_own_organisation' }
		});
		expect(await create({}, third)).toMatchObject({ ok: false, kind: 'forbidden' });
		expect(await create({}, admin)).toMatchObject({ ok: false, kind: 'forbidden' });
		expect(await create({}, null)).toMatchObject({ ok: false, kind: 'forbidden' });
		const hidden = await buildService(s, to.id, { published: false });
		expect(await createReferral(deps, caseworker, referralFormFor(hidden, from.id))).toMatchObject({
			kind: 'not_found'
		});
	});

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
			canMessage: false
		});
		expect(own!.thread.every((e) => e.body === null)).toBe(true);

		const views = await s.database.db
			.select({ actorId: auditLog.actorId, detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'referral.view'), eq(auditLog.subjectId, created.value.id)));
		expect(views.map((v) => v.actorId).sort()).toEqual([caseworker!.id, person.id].sort());
	});

	it('lets only staff write on the thread, and the person read it', async () => {
		const created = await forPerson();
		if (!created.ok) throw new Error('not created');
		expect(await postMessage(s.database.db, third, created.value.id, { body: 'hi' })).toMatchObject(
			{
				kind: 'not_found'
			}
		);
		expect(
			await postMessage(s.database.db, person, created.value.id, { body: 'hi' })
		).toMatchObject({
			kind: 'forbidden'
		});
		expect(
			await postMessage(s.database.db, receiver, created.value.id, { body: '   ' })
		).toMatchObject({
			kind: 'invalid',
			errors: { body: 'referral_error_message_required' }
		});
		expect(
			await postMessage(s.database.db, receiver, created.value.id, { body: 'Bring your passport.' })
		).toEqual({ ok: true });
		expect(
			await postMessage(s.database.db, caseworker, created.value.id, { body: 'Noted.' })
		).toEqual({
			ok: true
		});
		const own = await getReferral(s.database.db, person, created.value.id, 'en');
		expect(own!.thread.filter((e) => e.kind === 'message').map((e) => e.body)).toEqual([
			'Bring your passport.',
			'Noted.'
		]);
		const audit = await s.database.db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'referral.message'), eq(auditLog.subjectId, created.value.id))
			);
		expect(audit).toHaveLength(2);
		expect(JSON.stringify(audit)).not.toContain('passport');
	});

	it('declines only with a reason, refuses a change made on a stale page, lets the referrer withdraw', async () => {
		const created = await create();
		if (!created.ok) throw new Error('not created');
		const id = created.value.id;
		expect(
			await changeStatus(deps, receiver, id, {
				transition: 'decline',
				expected: 'sent',
				reason: ' '
			})
		).toMatchObject({
			kind: 'invalid',
			errors: { reason: 'referral_error_reason_required' }
		});
		expect(
			await changeStatus(deps, receiver, id, { transition: 'explode', expected: 'sent' })
		).toMatchObject({
			kind: 'invalid',
			errors: { form: 'referral_error_transition_invalid' }
		});
		expect(
			await changeStatus(deps, caseworker, id, { transition: 'accept', expected: 'sent' })
		).toMatchObject({
			kind: 'forbidden'
		});
		expect(
			await changeStatus(deps, third, id, { transition: 'accept', expected: 'sent' })
		).toMatchObject({
			kind: 'not_found'
		});
		expect(
			await changeStatus(deps, person, id, { transition: 'accept', expected: 'sent' })
		).toMatchObject({
			kind: 'not_found'
		});
		// Two colleagues answer from the same page: the second is told, nothing is overwritten.
		expect(
			await changeStatus(deps, receiver, id, { transition: 'accept', expected: 'sent' })
		).toMatchObject({ ok: true });
		expect(
			await changeStatus(deps, colleague, id, {
				transition: 'decline',
				expected: 'sent',
				reason: 'No room.'
			})
		).toEqual({ ok: false, kind: 'conflict', errors: { form: 'referral_error_changed' } });
		expect(
			await changeStatus(deps, caseworker, id, {
				transition: 'withdraw',
				expected: 'sent',
				feedback: 'Found elsewhere.'
			})
		).toMatchObject({ kind: 'conflict' });
		const [row] = await s.database.db.select().from(referral).where(eq(referral.id, id));
		expect(row).toMatchObject({ status: 'accepted', reason: null });

		const other = await create();
		if (!other.ok) throw new Error('not created');
		expect(
			await changeStatus(deps, caseworker, other.value.id, {
				transition: 'withdraw',
				expected: 'sent',
				feedback: ''
			})
		).toMatchObject({ kind: 'invalid', errors: { feedback: 'referral_error_feedback_required' } });
		expect(
			await changeStatus(deps, caseworker, other.value.id, {
				transition: 'withdraw',
				expected: 'sent',
				feedback: 'Found a place nearer home.'
			})
		).toEqual({ ok: true, value: 'closed' });
		const [withdrawn] = await s.database.db
			.select()
			.from(referral)
			.where(eq(referral.id, other.value.id));
		expect(withdrawn).toMatchObject({
			status: 'closed',
			outcome: 'withdrawn',
			feedback: 'Found a place nearer home.'
		});
		expect(withdrawn.closedAt).not.toBeNull();
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

	it('answers hostile input with a refusal and stores nothing', async () => {
		const text = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 200 }),
			fc.constantFrom(
				'<img src=x onerror=alert(1)>',
				"' or 1=1 --",
				'\u202eevil',
				'../../etc/passwd',
				''
			)
		);
		const total = async () =>
			(await s.database.db.select({ n: count() }).from(referral))[0].n +
			(await s.database.db.select({ n: count() }).from(referralEvent))[0].n;
		const before = await total();
		const target = await create();
		if (!target.ok) throw new Error('not created');
		const after = await total();
		await fc.assert(
			fc.asyncProperty(
				fc.record({
					name: text,
					contact: text,
					language: text,
					notes: text,
					purpose: text,
					method: text,
					shared: fc.array(text, { maxLength: 6 }),
					transition: text,
					expected: text,
					reason: text,
					outcome: text,
					feedback: text
				}),
				async (raw) => {
					// Without the consent box nothing may be created, whatever else is sent.
					const created = await createReferral(deps, caseworker, {
						...raw,
						serviceId,
						fromOrganisationId: from.id,
						agreed: false
					});
					expect(created).toMatchObject({ ok: false, kind: 'invalid' });
					const moved = await changeStatus(deps, receiver, target.value.id, { ...raw });
					expect(moved.ok).toBe(false);
					expect(['invalid', 'conflict']).toContain(moved.ok ? '' : moved.kind);
					const other = await changeStatus(deps, third, target.value.id, { ...raw });
					expect(other).toMatchObject({ ok: false, kind: 'not_found' });
				}
			),
			{ numRuns: 40 }
		);
		expect(await total()).toBe(after);
		expect(after).toBe(before + 2);
		const [row] = await s.database.db
			.select()
			.from(referral)
			.where(eq(referral.id, target.value.id));
		expect(row.status).toBe('sent');
	});
});
