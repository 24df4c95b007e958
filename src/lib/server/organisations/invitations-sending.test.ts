// Sending invitations: the same answer whoever the contact is, refusals of bad contacts and of
// those who may not invite, and the limits per contact and per organisation.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DATABASES } from '../test/databases.ts';
import { user } from '../accounts/schema.ts';
import { auditLog } from '../platform/schema.ts';
import { organisation, organisationInvitation } from './schema.ts';
import { buildOrganisation } from '../referrals/test-helpers.ts';
import { getOrganisation } from './get-organisation.ts';
import { invitationsFor } from './invitations.ts';
import { invitationWorld, membershipOf, TOKEN } from './invitation-test-world.ts';

describe.each(DATABASES)('sending invitations on $kind', (target) => {
	const world = invitationWorld(target);
	const { mails, texts, unique, phone, typed, actor, to, smsTo, invite } = world;

	it('answers byte for byte the same for an account, a member and nobody; every contact gets a link', async () => {
		const { s } = world;
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
		const { s } = world;
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
		const { s } = world;
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
});
