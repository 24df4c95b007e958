import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Email } from '../platform/mail.ts';
import type { Sms } from '../platform/sms.ts';
import { user } from '../accounts/schema.ts';
import { auditLog } from '../platform/schema.ts';
import { organisation, organisationMember, organisationInvitation } from './schema.ts';
import { listQuery } from '#lib/referrals/forms.ts';
import { createReferral } from '../referrals/create-referral.ts';
import { getReferral } from '../referrals/get-referral.ts';
import { listReferrals } from '../referrals/list-referrals.ts';
import { postMessage } from '../referrals/thread.ts';
import { exportOrganisationCsv } from '../referrals/export-csv.ts';
import { buildOrganisation, buildService, referralFormFor } from '../referrals/test-helpers.ts';
import { getOrganisation } from './get-organisation.ts';
import { requestToJoin, setMembership } from './memberships.ts';
import { organisationAccess, staffOrganisation, workplaces } from './access.ts';
import type { Db } from '../db/client.ts';

const membershipOf = async (db: Db, actor: Actor, id: string) =>
	(await organisationAccess(db, actor, { id }))?.membership ?? null;
import {
	answerInvitation,
	invitationByToken,
	invitationsFor,
	inviteToOrganisation,
	withdrawInvitation,
	type InvitationDeps
} from './invitations.ts';

const TOKEN = /\/invitations\/([\w-]{43})/;

describe.each(DATABASES)('invitations on $kind', (target) => {
	let s: AppContext;
	let deps: InvitationDeps;
	const mails: Email[] = [];
	const texts: Sms[] = [];
	let n = 0;
	const unique = (tag: string) => `${tag}-${++n}-${Date.now().toString(36)}@example.org`;
	const phone = () => `+3361234${String(5000 + ++n).padStart(4, '0')}`;
	const typed = (e164: string) =>
		`+33 6 ${e164.slice(4, 6)} ${e164.slice(6, 8)} ${e164.slice(8, 10)} ${e164.slice(10)}`;

	const actor = async (opts: { email?: string; phone?: string } = {}) => {
		const m = await buildMember(s, { email: opts.email });
		if (opts.phone)
			await s.database.db
				.update(user)
				.set({ phoneNumber: opts.phone, phoneNumberVerified: true })
				.where(eq(user.id, m.id));
		return { id: m.id, roles: ['member' as const], email: m.email };
	};
	const to = (contact: string) => mails.filter((e) => e.to === contact);
	const smsTo = (contact: string) => texts.filter((e) => e.to === contact);
	const tokenIn = (text: string) => text.match(TOKEN)![1];
	const invite = (who: Actor, orgId: string, contact: unknown) =>
		inviteToOrganisation(deps, who, orgId, { contact });

	beforeAll(async () => {
		s = await testServices(target);
		deps = {
			db: s.database.db,
			origin: 'https://passerelle.test',
			locale: 'en',
			mailer: { send: async (e) => void mails.push(e) },
			sms: { send: async (e) => void texts.push(e) }
		};
	});
	afterAll(() => s.database.close());

	it('answers byte for byte the same for an account, a member and nobody; every contact gets a link', async () => {
		const admin = await actor();
		const colleague = await actor();
		const org = await buildOrganisation(s, 'Jusoor', [admin.id, colleague.id]);
		const known = await actor({ phone: phone() });
		const knownPhone = (
			await s.database.db.select({ p: user.phoneNumber }).from(user).where(eq(user.id, known.id))
		)[0].p!;
		const nobodyEmail = unique('nobody');
		const nobodyPhone = phone();

		const answers = [
			await invite(admin, org.id, known.email.toUpperCase()),
			await invite(admin, org.id, colleague.email),
			await invite(admin, org.id, nobodyEmail),
			await invite(admin, org.id, typed(knownPhone)),
			await invite(admin, org.id, typed(nobodyPhone))
		];
		// What the admin gets back says nothing about accounts: the very same bytes each time.
		expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
			new Set([JSON.stringify({ ok: true })])
		);

		// Each contact receives a link, by e-mail or SMS (numbers normalised to E.164).
		for (const contact of [known.email, colleague.email, nobodyEmail])
			expect(to(contact)[0]?.text).toMatch(TOKEN);
		for (const contact of [knownPhone, nobodyPhone]) expect(smsTo(contact)[0]?.body).toMatch(TOKEN);
		// Someone with an account is told to answer; someone without one, to create an account.
		expect(to(known.email)[0].text).toContain('accept or decline');
		expect(to(nobodyEmail)[0].text).toContain('create an account');
		// Like other platform mail, it names no organisation.
		expect(mails.every((e) => !e.text.includes('Jusoor'))).toBe(true);

		// The admin's page lists the contacts as typed, each the same way, and no new member.
		const page = await getOrganisation(s.database.db, admin, org.slug);
		expect(page?.invitations.map((i) => i.contact).sort()).toEqual(
			[known.email, colleague.email, nobodyEmail, knownPhone, nobodyPhone].sort()
		);
		expect(page?.invitations.every((i) => Object.keys(i).join() === 'id,contact,expiresAt')).toBe(
			true
		);
		expect(page?.members.map((m) => m.id).sort()).toEqual([admin.id, colleague.id].sort());
		expect(await membershipOf(s.database.db, known, org.id)).toBeNull();

		// Re-inviting is answered the same too (no "already invited" or "already a member").
		expect(JSON.stringify(await invite(admin, org.id, known.email))).toBe('{"ok":true}');
		expect(JSON.stringify(await invite(admin, org.id, colleague.email))).toBe('{"ok":true}');

		const audit = await s.database.db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'organisation.invite'), eq(auditLog.subjectId, org.id)));
		expect(audit).toHaveLength(7);
		expect(JSON.stringify(audit)).not.toMatch(/@|\+33/);
	});

	it('refuses a bad contact with a field error; only admins of approved organisations invite', async () => {
		const admin = await actor();
		const member = await actor();
		const org = await buildOrganisation(s, 'Red Migrante', [admin.id, member.id]);
		const known = await actor();
		for (const bad of ['not a phone', '', 'a@b', '+33 1', 42, undefined])
			expect(await invite(admin, org.id, bad)).toEqual({
				ok: false,
				kind: 'invalid',
				errors: { contact: 'org_invite_error_contact' }
			});

		const pending = await buildOrganisation(s, 'Pending', [admin.id]);
		await s.database.db
			.update(organisation)
			.set({ status: 'pending' })
			.where(eq(organisation.id, pending.id));
		const rejected = await buildOrganisation(s, 'Rejected', [admin.id]);
		await s.database.db
			.update(organisation)
			.set({ status: 'rejected' })
			.where(eq(organisation.id, rejected.id));
		const before = mails.length + texts.length;
		for (const [who, orgId] of [
			[member, org.id],
			[known, org.id],
			[null, org.id],
			[admin, pending.id],
			[admin, rejected.id]
		] as const) {
			expect(await invite(who, orgId, known.email)).toEqual({ ok: false, kind: 'forbidden' });
			expect(await invite(who, orgId, unique('nobody'))).toEqual({ ok: false, kind: 'forbidden' });
		}
		expect(await invite(admin, 'no-such-org', known.email)).toEqual({
			ok: false,
			kind: 'not_found'
		});
		expect(mails.length + texts.length).toBe(before);
		const stored = await s.database.db
			.select()
			.from(organisationInvitation)
			.where(eq(organisationInvitation.organisationId, org.id));
		expect(stored).toEqual([]);
		expect((await getOrganisation(s.database.db, admin, pending.slug))?.canInvite).toBe(false);
		expect((await getOrganisation(s.database.db, admin, org.slug))?.canInvite).toBe(true);
	});

	it('limits per contact without saying so, and per organisation alike for every contact', async () => {
		const admins = await Promise.all([1, 2, 3, 4].map(() => actor()));
		const orgs = await Promise.all(admins.map((a, i) => buildOrganisation(s, `Org ${i}`, [a.id])));
		const known = await actor();
		const nobody = unique('nobody');
		// Four organisations invite the same two contacts: the answers never change, and each
		// contact receives three messages in the hour (RULES.inviteByContact), not four.
		for (const [i, org] of orgs.entries()) {
			expect(JSON.stringify(await invite(admins[i], org.id, known.email))).toBe('{"ok":true}');
			expect(JSON.stringify(await invite(admins[i], org.id, nobody))).toBe('{"ok":true}');
		}
		expect(to(known.email)).toHaveLength(3);
		expect(to(nobody)).toHaveLength(3);
		// The fourth invitation still waits on the person's account, unannounced.
		expect(
			(await invitationsFor(s.database.db, known)).map((i) => i.organisationId).sort()
		).toEqual(orgs.map((o) => o.id).sort());

		// One organisation may send thirty invitations an hour (RULES.inviteByOrganisation).
		const admin = await actor();
		const busy = await buildOrganisation(s, 'Busy', [admin.id]);
		for (let i = 0; i < 30; i++)
			expect(await invite(admin, busy.id, unique('guest'))).toEqual({ ok: true });
		const limited = {
			ok: false,
			kind: 'rate_limited',
			errors: { form: 'error_rate_limited' }
		};
		const other = await actor();
		expect(await invite(admin, busy.id, other.email)).toEqual(limited);
		expect(await invite(admin, busy.id, unique('nobody'))).toEqual(limited);
		expect(to(other.email)).toEqual([]);
	});

	it('takes effect only when the invitee accepts; declining, withdrawing and expiry end it', async () => {
		const admin = await actor();
		const org = await buildOrganisation(s, 'Accueil Lyon', [admin.id]);
		const known = await actor();
		await invite(admin, org.id, known.email);
		const token = tokenIn(to(known.email).at(-1)!.text);
		expect(await invitationByToken(s.database.db, token)).toMatchObject({
			organisation: { name: 'Accueil Lyon', slug: org.slug }
		});
		expect(await invitationByToken(s.database.db, 'x'.repeat(43))).toBeNull();
		expect(await answerInvitation(s.database.db, null, { token }, 'accept')).toEqual({
			ok: false,
			kind: 'forbidden'
		});
		expect(await membershipOf(s.database.db, known, org.id)).toBeNull();
		expect(await answerInvitation(s.database.db, known, { token }, 'accept')).toEqual({
			ok: true,
			value: { slug: org.slug }
		});
		expect(await membershipOf(s.database.db, known, org.id)).toEqual({
			role: 'member',
			status: 'active'
		});
		expect(await answerInvitation(s.database.db, known, { token }, 'accept')).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
		const listed = (await getOrganisation(s.database.db, admin, org.slug))?.members;
		expect(listed?.find((m) => m.id === known.id)).toMatchObject({
			status: 'active',
			role: 'member'
		});

		// Found on the account by a verified phone number; declined, nothing changes.
		const phoned = await actor({ phone: phone() });
		const [{ p }] = await s.database.db
			.select({ p: user.phoneNumber })
			.from(user)
			.where(eq(user.id, phoned.id));
		await invite(admin, org.id, typed(p!));
		const waiting = await invitationsFor(s.database.db, phoned);
		expect(waiting.map((i) => i.organisation.name)).toEqual(['Accueil Lyon']);
		expect((await getOrganisation(s.database.db, phoned, org.slug))?.myInvitation).toBe(
			waiting[0].id
		);
		// Nobody else can answer it in their place.
		const other = await actor();
		expect(
			await answerInvitation(s.database.db, other, { id: waiting[0].id }, 'accept')
		).toMatchObject({ ok: false, kind: 'not_found' });
		expect(
			await answerInvitation(s.database.db, phoned, { id: waiting[0].id }, 'decline')
		).toMatchObject({ ok: true });
		expect(await membershipOf(s.database.db, phoned, org.id)).toBeNull();
		expect(await invitationsFor(s.database.db, phoned)).toEqual([]);

		// Invited before having an account: found once the account has verified that address.
		const later = unique('later');
		await invite(admin, org.id, later);
		const laterToken = tokenIn(to(later)[0].text);
		const newcomer = await actor({ email: later });
		await s.database.db.update(user).set({ emailVerified: false }).where(eq(user.id, newcomer.id));
		expect(await invitationsFor(s.database.db, newcomer)).toEqual([]);
		await s.database.db.update(user).set({ emailVerified: true }).where(eq(user.id, newcomer.id));
		const found = await invitationsFor(s.database.db, newcomer);
		expect(found).toHaveLength(1);
		expect(
			await answerInvitation(s.database.db, newcomer, { id: found[0].id }, 'accept')
		).toMatchObject({ ok: true });
		expect((await membershipOf(s.database.db, newcomer, org.id))?.status).toBe('active');
		expect(await invitationByToken(s.database.db, laterToken)).toBeNull();

		// A withdrawn invitation cannot be accepted; an expired one neither.
		const withdrawn = await actor();
		await invite(admin, org.id, withdrawn.email);
		const withdrawnToken = tokenIn(to(withdrawn.email)[0].text);
		const [pendingOne] = (await getOrganisation(s.database.db, admin, org.slug))!.invitations;
		expect(await withdrawInvitation(s.database.db, known, org.id, pendingOne.id)).toEqual({
			ok: false,
			kind: 'forbidden'
		});
		expect(await withdrawInvitation(s.database.db, admin, org.id, pendingOne.id)).toEqual({
			ok: true
		});
		expect(
			await answerInvitation(s.database.db, withdrawn, { token: withdrawnToken }, 'accept')
		).toMatchObject({ ok: false, kind: 'not_found' });
		const expiring = await actor();
		await invite(admin, org.id, expiring.email);
		const expiringToken = tokenIn(to(expiring.email)[0].text);
		const inFifteenDays = new Date(Date.now() + 15 * 24 * 3600 * 1000);
		expect(
			await answerInvitation(
				s.database.db,
				expiring,
				{ token: expiringToken },
				'accept',
				inFifteenDays
			)
		).toMatchObject({ ok: false, kind: 'not_found' });
		expect(await membershipOf(s.database.db, withdrawn, org.id)).toBeNull();
		expect(await membershipOf(s.database.db, expiring, org.id)).toBeNull();

		const answers = await s.database.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.subjectId, org.id));
		expect(answers.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'organisation.invitation.accept',
				'organisation.invitation.decline',
				'organisation.invitation.withdraw'
			])
		);
	});

	it('refuses every forced path: an invited person is not a member, an admin, nor a reader of referrals', async () => {
		const admin = await actor();
		const caseworker = await actor();
		const receiving = await buildOrganisation(s, 'Clinique', [admin.id]);
		const referring = await buildOrganisation(s, 'Accueil', [caseworker.id]);
		const serviceId = await buildService(s, receiving.id);
		const made = await createReferral(
			{ db: s.database.db, dueDays: 7 },
			caseworker,
			referralFormFor(serviceId, referring.id)
		);
		if (!made.ok) throw new Error('not created');
		await postMessage(s.database.db, admin, made.value.id, { body: 'Bring your papers.' });

		// Invited through the form: no membership exists to force.
		const invited = await actor();
		await invite(admin, receiving.id, invited.email);
		// Invited the way the platform used to record it: a membership row waiting as `invited`.
		const legacy = await actor();
		await s.database.db
			.insert(organisationMember)
			.values({ organisationId: receiving.id, userId: legacy.id, status: 'invited' });

		for (const change of ['accept', 'make-admin', 'make-member'] as const) {
			expect(await setMembership(s.database.db, admin, receiving.id, invited.id, change)).toEqual({
				ok: false,
				kind: 'not_found',
				errors: { form: 'error_org_membership_not_found' }
			});
			expect(await setMembership(s.database.db, admin, receiving.id, legacy.id, change)).toEqual({
				ok: false,
				kind: 'conflict',
				errors: { form: 'error_org_change_needs_consent' }
			});
		}
		expect(await membershipOf(s.database.db, invited, receiving.id)).toBeNull();
		expect(await membershipOf(s.database.db, legacy, receiving.id)).toEqual({
			role: 'member',
			status: 'invited'
		});

		const q = listQuery.parse({ box: 'received' });
		for (const who of [invited, legacy]) {
			expect(await workplaces(s.database.db, who)).toEqual([]);
			const list = await listReferrals(s.database.db, who, q, 'en');
			expect(list?.boxes).toEqual(['mine']);
			expect(list?.items).toEqual([]);
			expect(await getReferral(s.database.db, who, made.value.id, 'en')).toBeNull();
			expect(await staffOrganisation(s.database.db, who, receiving.slug)).toBeNull();
			expect(
				await exportOrganisationCsv(s.database.db, who, receiving.slug, {
					direction: 'received',
					personal: true
				})
			).toBeNull();
			expect(await postMessage(s.database.db, who, made.value.id, { body: 'hi' })).toMatchObject({
				ok: false,
				kind: 'not_found'
			});
			for (const viewer of [null, admin, caseworker])
				expect(
					(await getOrganisation(s.database.db, viewer, receiving.slug))?.members
						.filter((m) => m.status === 'active')
						.map((m) => m.id)
				).not.toContain(who.id);
		}

		// The admin may withdraw the old-style invitation; the person may accept it themselves.
		expect(await setMembership(s.database.db, admin, receiving.id, legacy.id, 'remove')).toEqual({
			ok: true
		});
		expect(await membershipOf(s.database.db, legacy, receiving.id)).toBeNull();
		await s.database.db
			.insert(organisationMember)
			.values({ organisationId: receiving.id, userId: legacy.id, status: 'invited' });
		expect(await requestToJoin(s.database.db, legacy, receiving.id)).toEqual({ ok: true });
		// Only then does the person read the organisation's referrals.
		expect(await getReferral(s.database.db, legacy, made.value.id, 'en')).not.toBeNull();
	});
});
