// Answering invitations: accepting makes the member, declining, withdrawing and expiry end it;
// invitations are found on the account by a verified address or phone number.
import { noticeDeps } from '../test/factories.ts';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DATABASES } from '../test/databases.ts';
import { user } from '../accounts/schema.ts';
import { auditLog } from '../platform/schema.ts';
import { buildOrganisation } from '../referrals/test-helpers.ts';
import { getOrganisation } from './get-organisation.ts';
import {
	answerInvitation,
	invitationByToken,
	invitationsFor,
	withdrawInvitation
} from './invitations.ts';
import { invitationWorld, membershipOf } from './invitation-test-world.ts';

describe.each(DATABASES)('answering invitations on $kind', (target) => {
	const world = invitationWorld(target);
	const { unique, phone, typed, actor, to, tokenIn, invite } = world;

	it('takes effect only when the invitee accepts; declining, withdrawing and expiry end it', async () => {
		const { s } = world;
		const admin = await actor();
		const org = await buildOrganisation(s, 'Accueil Lyon', [admin.id]);
		const known = await actor();
		await invite(admin, org.id, known.email);
		const token = tokenIn(to(known.email).at(-1)!.text);
		expect(await invitationByToken(s.database.db, token)).toMatchObject({
			organisation: { name: 'Accueil Lyon', slug: org.slug }
		});
		expect(await invitationByToken(s.database.db, 'x'.repeat(43))).toBeNull();
		expect(await answerInvitation(noticeDeps(s), null, { token }, 'accept')).toEqual({
			ok: false,
			kind: 'forbidden'
		});
		expect(await membershipOf(s.database.db, known, org.id)).toBeNull();
		expect(await answerInvitation(noticeDeps(s), known, { token }, 'accept')).toEqual({
			ok: true,
			value: { slug: org.slug }
		});
		expect(await membershipOf(s.database.db, known, org.id)).toEqual({
			role: 'member',
			status: 'active'
		});
		expect(await answerInvitation(noticeDeps(s), known, { token }, 'accept')).toMatchObject({
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
			await answerInvitation(noticeDeps(s), other, { id: waiting[0].id }, 'accept')
		).toMatchObject({ ok: false, kind: 'not_found' });
		expect(
			await answerInvitation(noticeDeps(s), phoned, { id: waiting[0].id }, 'decline')
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
			await answerInvitation(noticeDeps(s), newcomer, { id: found[0].id }, 'accept')
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
			await answerInvitation(noticeDeps(s), withdrawn, { token: withdrawnToken }, 'accept')
		).toMatchObject({ ok: false, kind: 'not_found' });
		const expiring = await actor();
		await invite(admin, org.id, expiring.email);
		const expiringToken = tokenIn(to(expiring.email)[0].text);
		const inFifteenDays = new Date(Date.now() + 15 * 24 * 3600 * 1000);
		expect(
			await answerInvitation(
				noticeDeps(s),
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
});
