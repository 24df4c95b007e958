import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DATABASES } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { createReferral } from './create-referral.ts';
import { referral } from './schema.ts';
import type { ReferralDeps } from './deps.ts';
import { buildService, referralFormFor } from './test-helpers.ts';
import { buildReferralWorld } from './test-world.ts';

describe.each(DATABASES)('referrals on $kind: what is asked and kept', (target) => {
	let w: Awaited<ReturnType<typeof buildReferralWorld>>;
	let s: AppContext;
	let deps: ReferralDeps;
	let caseworker: Actor;
	let third: Actor;
	let admin: Actor;
	let from: { id: string };
	let to: { id: string };
	let ownServiceId: string;
	beforeAll(async () => {
		w = await buildReferralWorld(target);
		({ s, deps, caseworker, third, admin, from, to, ownServiceId } = w);
	});
	afterAll(() => s.database.close());
	const create = (overrides: Record<string, unknown> = {}, who: Actor = caseworker) =>
		w.create(overrides, who);

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
});
