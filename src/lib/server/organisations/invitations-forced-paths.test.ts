// No forced membership: an invited person (invited through the form, or recorded as `invited`
// the way the platform used to) is not a member, an admin, nor a reader of referrals until they
// accept themselves.
import { noticeDeps } from '../test/factories.ts';
import { describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.ts';
import { organisationMember } from './schema.ts';
import { listQuery } from '#lib/referrals/forms.ts';
import { createReferral } from '../referrals/create-referral.ts';
import { getReferral } from '../referrals/get-referral.ts';
import { listReferrals } from '../referrals/list-referrals.ts';
import { postMessage } from '../referrals/thread.ts';
import { exportOrganisationCsv } from '../referrals/export-csv.ts';
import { buildOrganisation, buildService, referralFormFor } from '../referrals/test-helpers.ts';
import { getOrganisation } from './get-organisation.ts';
import { requestToJoin, setMembership } from './memberships.ts';
import { staffOrganisation, workplaces } from './access.ts';
import { invitationWorld, membershipOf } from './invitation-test-world.ts';

describe.each(DATABASES)('invitations and forced membership on $kind', (target) => {
	const world = invitationWorld(target);
	const { actor, invite } = world;

	it('refuses every forced path: an invited person is not a member, an admin, nor a reader of referrals', async () => {
		const { s } = world;
		const admin = await actor();
		const caseworker = await actor();
		const receiving = await buildOrganisation(s, 'Clinique', [admin.id]);
		const referring = await buildOrganisation(s, 'Accueil', [caseworker.id]);
		const serviceId = await buildService(s, receiving.id);
		const made = await createReferral(
			{ db: s.database.db, dueDays: 7, notifier: s.notifier },
			caseworker,
			referralFormFor(serviceId, referring.id)
		);
		if (!made.ok) throw new Error('not created');
		await postMessage(noticeDeps(s), admin, made.value.id, { body: 'Bring your papers.' });

		// Invited through the form: no membership exists to force.
		const invited = await actor();
		await invite(admin, receiving.id, invited.email);
		// Invited the way the platform used to record it: a membership row waiting as `invited`.
		const legacy = await actor();
		await s.database.db
			.insert(organisationMember)
			.values({ organisationId: receiving.id, userId: legacy.id, status: 'invited' });

		for (const change of ['accept', 'make-admin', 'make-member'] as const) {
			expect(await setMembership(noticeDeps(s), admin, receiving.id, invited.id, change)).toEqual({
				ok: false,
				kind: 'not_found',
				errors: { form: 'error_org_membership_not_found' }
			});
			expect(await setMembership(noticeDeps(s), admin, receiving.id, legacy.id, change)).toEqual({
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
			expect(await postMessage(noticeDeps(s), who, made.value.id, { body: 'hi' })).toMatchObject({
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
		expect(await setMembership(noticeDeps(s), admin, receiving.id, legacy.id, 'remove')).toEqual({
			ok: true
		});
		expect(await membershipOf(s.database.db, legacy, receiving.id)).toBeNull();
		await s.database.db
			.insert(organisationMember)
			.values({ organisationId: receiving.id, userId: legacy.id, status: 'invited' });
		expect(await requestToJoin(noticeDeps(s), legacy, receiving.id)).toEqual({ ok: true });
		// Only then does the person read the organisation's referrals.
		expect(await getReferral(s.database.db, legacy, made.value.id, 'en')).not.toBeNull();
	});
});
