import { noticeDeps } from '../test/factories.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember, buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { directoryQuery } from '#lib/members/directory.ts';
import { createOrganisation } from './create-organisation.ts';
import { getOrganisation, pendingOrganisations } from './get-organisation.ts';
import { requestToJoin, reviewOrganisation, setMembership } from './memberships.ts';
import { searchOrganisations } from './search-organisations.ts';
import { saveOrganisationLogo } from './organisation-logo.ts';
import sharp from 'sharp';

const form = {
	name: 'Association des Sénégalais de Lyon',
	kind: 'diaspora_association',
	description: 'Entraide et **culture**',
	countries: ['FR', 'SN'],
	sectors: ['culture'],
	website: 'https://example.org',
	contentLocale: 'fr'
};

describe.each(DATABASES)('organisations on $kind', (target) => {
	let s: AppContext;
	let founder: Actor;
	let admin: Actor;
	let joiner: Actor & { email?: string };
	beforeAll(async () => {
		s = await testServices(target);
		founder = { id: (await buildProfile(s, { name: 'Awa Diop' })).id, roles: ['member'] };
		admin = {
			id: (await buildMember(s, { roles: ['administrator'] })).id,
			roles: ['member', 'administrator']
		};
		const j = await buildProfile(s, { name: 'Moussa Sow' });
		joiner = { id: j.id, roles: ['member'] };
	});
	afterAll(() => s.database.close());

	it('a member proposes one; it is hidden until an administrator approves it', async () => {
		const bad = await createOrganisation(s.database.db, founder, {
			...form,
			name: 'x',
			kind: 'bank',
			website: 'javascript:alert(1)'
		});
		expect(bad).toMatchObject({
			ok: false,
			kind: 'invalid',
			errors: {
				name: 'error_org_name_invalid',
				kind: 'error_org_kind_invalid',
				website: 'error_link_invalid'
			}
		});
		expect(await createOrganisation(s.database.db, null, form)).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});

		const created = await createOrganisation(s.database.db, founder, form);
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		expect(await getOrganisation(s.database.db, null, created.value.slug)).toBeNull();
		expect(await getOrganisation(s.database.db, joiner, created.value.slug)).toBeNull();
		expect(
			(await getOrganisation(s.database.db, founder, created.value.slug))?.organisation.status
		).toBe('pending');
		expect((await pendingOrganisations(s.database.db, admin))?.map((o) => o.id)).toContain(
			created.value.id
		);
		expect(await pendingOrganisations(s.database.db, founder)).toBeNull();
		expect(await reviewOrganisation(noticeDeps(s), founder, created.value.id, 'approved')).toEqual({
			ok: false,
			kind: 'forbidden'
		});

		expect(await reviewOrganisation(noticeDeps(s), admin, created.value.id, 'approved')).toEqual({
			ok: true
		});
		const page = await getOrganisation(s.database.db, null, created.value.slug);
		expect(page?.organisation.descriptionHtml).toContain('<strong>culture</strong>');
		const found = await searchOrganisations(
			s.database.db,
			directoryQuery.parse({ q: 'senegalais', type: 'organisations' })
		);
		expect(found.items.map((o) => o.id)).toContain(created.value.id);
		const byKind = await searchOrganisations(
			s.database.db,
			directoryQuery.parse({ kind: 'ngo', type: 'organisations' })
		);
		expect(byKind.items.map((o) => o.id)).not.toContain(created.value.id);
	});

	it('a member asks to join, an admin accepts; the last admin stays', async () => {
		const created = await createOrganisation(s.database.db, admin, {
			...form,
			name: 'Red Migrante'
		});
		if (!created.ok) throw new Error('not created');
		expect(await requestToJoin(noticeDeps(s), joiner, created.value.id)).toEqual({ ok: true });
		expect(
			await setMembership(noticeDeps(s), joiner, created.value.id, joiner.id!, 'accept')
		).toEqual({
			ok: false,
			kind: 'forbidden'
		});
		// A request is not yet a membership: no role change on it.
		expect(
			await setMembership(noticeDeps(s), admin, created.value.id, joiner.id!, 'make-admin')
		).toMatchObject({ ok: false, kind: 'conflict' });
		expect(
			await setMembership(noticeDeps(s), admin, created.value.id, joiner.id!, 'accept')
		).toEqual({
			ok: true
		});
		const page = await getOrganisation(s.database.db, null, created.value.slug);
		expect(page?.members.map((m) => m.id)).toContain(joiner.id);

		expect(
			await setMembership(noticeDeps(s), admin, created.value.id, admin!.id, 'remove')
		).toEqual({
			ok: false,
			kind: 'conflict',
			errors: { form: 'error_org_last_admin' }
		});
		expect(
			await setMembership(noticeDeps(s), admin, created.value.id, joiner.id!, 'make-admin')
		).toEqual({ ok: true });
		expect(
			await setMembership(noticeDeps(s), admin, created.value.id, admin!.id, 'remove')
		).toEqual({
			ok: true
		});
		expect(await requestToJoin(noticeDeps(s), joiner, created.value.id)).toMatchObject({
			ok: false,
			kind: 'conflict'
		});
	});

	it('its admins set a logo, checked by content; others cannot', async () => {
		const created = await createOrganisation(s.database.db, admin, { ...form, name: 'Logo Test' });
		if (!created.ok) throw new Error('not created');
		const deps = { db: s.database.db, storage: s.storage };
		const png = await sharp({
			create: { width: 800, height: 400, channels: 3, background: '#135' }
		})
			.png()
			.toBuffer();
		expect(await saveOrganisationLogo(deps, joiner, created.value.id, png)).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
		expect(
			await saveOrganisationLogo(deps, admin, created.value.id, Buffer.from('%PDF-1.4'))
		).toMatchObject({
			ok: false,
			kind: 'invalid',
			errors: { logo: 'error_logo_invalid' }
		});
		const saved = await saveOrganisationLogo(deps, admin, created.value.id, png);
		expect(saved).toMatchObject({ ok: true, value: { height: 96 } });
		expect(
			(await getOrganisation(s.database.db, null, created.value.slug))?.organisation.logo?.height
		).toBe(96);
	});
});
