import { notification } from '../notifications/schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, count, eq } from 'drizzle-orm';
import { DATABASES } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Email } from '../platform/mail.ts';
import { auditLog } from '../platform/schema.ts';
import { createReferral } from './create-referral.ts';
import { changeStatus } from './transitions.ts';
import { referral, referralEvent } from './schema.ts';
import type { ReferralDeps } from './deps.ts';
import { buildReferralWorld } from './test-world.ts';

describe.each(DATABASES)('referrals on $kind: the loop', (target) => {
	let w: Awaited<ReturnType<typeof buildReferralWorld>>;
	let s: AppContext;
	let deps: ReferralDeps;
	let sent: Email[];
	let caseworker: Actor;
	let receiver: Actor;
	let colleague: Actor;
	let third: Actor;
	let person: Actor & { id: string };
	let personEmail: string;
	let from: { id: string };
	let to: { id: string };
	let serviceId: string;
	beforeAll(async () => {
		w = await buildReferralWorld(target);
		({
			s,
			deps,
			sent,
			caseworker,
			receiver,
			colleague,
			third,
			person,
			personEmail,
			from,
			to,
			serviceId
		} = w);
	});
	afterAll(() => s.database.close());
	const create = (overrides: Record<string, unknown> = {}, who: Actor = caseworker) =>
		w.create(overrides, who);
	const noticesAbout = (id: string) =>
		s.database.db
			.select({ userId: notification.userId, kind: notification.kind })
			.from(notification)
			.where(eq(notification.link, `/referrals/${id}`))
			.orderBy(notification.id);

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
		// The receiving organisation's admin is notified (notices.test.ts reads the mail itself).
		const toAdmins = await noticesAbout(created.value.id);
		expect(toAdmins).toEqual([{ userId: receiver!.id, kind: 'referral_new' }]);
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
		// The caseworker who referred is told of each change.
		expect(
			(await noticesAbout(created.value.id)).filter((n) => n.userId === caseworker!.id)
		).toEqual(Array(3).fill({ userId: caseworker!.id, kind: 'referral_status' }));
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
