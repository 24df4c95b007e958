import { noticeDeps } from '../test/factories.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { directoryQuery } from '#lib/members/directory.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember, buildProfile, signIn } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { actorKey } from '../platform/audit.ts';
import { auditLog } from '../platform/schema.ts';
import { setRoles } from '../accounts/roles.ts';
import { user } from '../accounts/schema.ts';
import { organisationMember } from '../organisations/schema.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { requestToJoin, setMembership } from '../organisations/memberships.ts';
import { readAuditLog } from '../admin/audit-log.ts';
import { deleteMyAccount } from './erase-account.ts';
import { saveProfile, emptyProfile } from '../members/save-profile.ts';
import { searchMembers } from '../members/search-members.ts';

const orgForm = {
	name: 'Collectif Accueil',
	kind: 'ngo',
	description: 'Accueil',
	countries: ['FR'],
	sectors: ['legal'],
	website: '',
	contentLocale: 'fr'
};

describe.each(DATABASES)('erasure, accountability and names on $kind', (target) => {
	let s: AppContext;
	let deps: { db: AppContext['database']['db']; storage: AppContext['storage'] };
	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, storage: s.storage };
	});
	afterAll(() => s.database.close());

	it('refuses to erase the last administrator, then erases once the role is handed over', async () => {
		const only = await buildMember(s, { roles: ['administrator'] });
		const refused = await deleteMyAccount(deps, only.id);
		expect(refused).toEqual({
			ok: false,
			kind: 'conflict',
			errors: { form: 'error_delete_last_admin' }
		});
		expect(await s.database.db.select().from(user).where(eq(user.id, only.id))).toHaveLength(1);

		const next = await buildMember(s, { roles: ['administrator'] });
		expect((await deleteMyAccount(deps, only.id)).ok).toBe(true);
		// Now `next` is the last one.
		expect((await deleteMyAccount(deps, next.id)).ok).toBe(false);
	});

	it('refuses to erase an organisation’s last active administrator', async () => {
		const founder = await buildMember(s);
		const actor = { id: founder.id, roles: ['member' as const] };
		const created = await createOrganisation(s.database.db, actor, orgForm);
		if (!created.ok) throw new Error('organisation not created');
		const refused = await deleteMyAccount(deps, founder.id);
		expect(refused).toMatchObject({ ok: false, errors: { form: 'error_delete_last_org_admin' } });

		const second = await buildMember(s);
		await s.database.db.insert(organisationMember).values({
			organisationId: created.value.id,
			userId: second.id,
			role: 'admin',
			status: 'active'
		});
		expect((await deleteMyAccount(deps, founder.id)).ok).toBe(true);
	});

	it('keeps what an erased person did under a pseudonym, and no id of theirs anywhere in the log', async () => {
		const admin = await buildMember(s, { roles: ['administrator'] });
		const adminActor = { id: admin.id, roles: ['member' as const, 'administrator' as const] };
		const caseworker = await buildMember(s, { roles: ['moderator'] });
		await signIn(s, caseworker.email, caseworker.password);
		await setRoles(s.database.db, adminActor, caseworker.id, ['moderator']);
		// A membership: its audit rows name the member in their details.
		const org = await createOrganisation(s.database.db, adminActor, {
			...orgForm,
			name: 'Maison Commune'
		});
		if (!org.ok) throw new Error('organisation not created');
		const caseworkerActor = { id: caseworker.id, roles: ['member' as const] };
		expect((await requestToJoin(noticeDeps(s), caseworkerActor, org.value.id)).ok).toBe(true);
		expect(
			(await setMembership(noticeDeps(s), adminActor, org.value.id, caseworker.id, 'accept')).ok
		).toBe(true);
		const membershipRows = await s.database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subjectId, org.value.id));
		expect(JSON.stringify(membershipRows)).toContain(caseworker.id);
		const log = await readAuditLog(
			s.database.db,
			{ id: caseworker.id, roles: ['member', 'administrator'] },
			{ page: 1 }
		);
		expect(log).not.toBeNull();
		const wrote = await s.database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.actorId, caseworker.id));
		expect(wrote.length).toBeGreaterThan(0);

		await setRoles(s.database.db, adminActor, caseworker.id, []);
		expect((await deleteMyAccount(deps, caseworker.id)).ok).toBe(true);

		const rows = await s.database.db.select().from(auditLog);
		expect(JSON.stringify(rows)).not.toContain(caseworker.id);
		const key = actorKey(caseworker.id);
		const theirs = rows.filter((r) => r.actorKey === key);
		// Their sign-in, their reading of the audit log and their erasure are all still there.
		expect(theirs.map((r) => r.action)).toEqual(
			expect.arrayContaining(['account.sign-in', 'audit.read', 'account.erased'])
		);
		expect(theirs.every((r) => r.actorId === null)).toBe(true);
		// What was done to them keeps its shape, under the same key.
		const aboutThem = rows.filter((r) => r.subjectId === key && r.action === 'roles.set');
		expect(aboutThem).toHaveLength(2);
	});

	it('records sign-ins and refused sign-ins per account', async () => {
		const m = await buildMember(s);
		await signIn(s, m.email, m.password);
		await expect(
			s.auth.api.signInEmail({ body: { email: m.email, password: 'not the right one' } })
		).rejects.toThrow();
		const rows = await s.database.db
			.select({ action: auditLog.action, detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, m.id)));
		expect(rows).toEqual(
			expect.arrayContaining([
				{ action: 'account.sign-in', detail: { method: 'password' } },
				{
					action: 'account.sign-in-failed',
					detail: { method: 'password', reason: 'INVALID_EMAIL_OR_PASSWORD' }
				}
			])
		);
	});

	it('finds a member by the new name at once, whichever path renamed them, and never by the old one', async () => {
		const member = await buildProfile(s, { name: 'Oldname Kowalczyk', listed: 'public' });
		const headers = await signIn(s, member.email, member.password);
		const viewer = { id: 'viewer', roles: ['member' as const] };
		const find = async (q: string) =>
			(await searchMembers(s.database.db, viewer, directoryQuery.parse({ q }))).items.map(
				(i) => i.id
			);
		expect(await find('Oldname')).toContain(member.id);

		await s.auth.api.updateUser({ body: { name: 'Newname Wiśniewska' }, headers });
		expect(await find('Newname')).toContain(member.id);
		expect(await find('Oldname')).not.toContain(member.id);

		// The profile form renames too, and is audited.
		const form = { ...emptyProfile('Thirdname Zielińska', 'en'), listed: 'public' };
		expect(
			await saveProfile(s.database.db, { id: member.id, roles: ['member'] }, member.id, form)
		).toEqual({ ok: true });
		expect(await find('Thirdname')).toContain(member.id);
		const edits = await s.database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'profile.update'), eq(auditLog.subjectId, member.id)));
		expect(edits).toHaveLength(1);
	});

	it('accepts through update-user only what the forms accept', async () => {
		const member = await buildMember(s);
		const headers = await signIn(s, member.email, member.password);
		for (const body of [{ image: 'javascript:alert(1)' }, { locale: 'xx' }, { name: '<b>x</b>' }]) {
			await expect(s.auth.api.updateUser({ body, headers })).rejects.toMatchObject({
				statusCode: 400
			});
		}
		const [row] = await s.database.db.select().from(user).where(eq(user.id, member.id));
		expect(row.image).toBeNull();
		expect(row.locale).toBe('en');
		await s.auth.api.updateUser({ body: { locale: 'ar' }, headers });
		const [after] = await s.database.db.select().from(user).where(eq(user.id, member.id));
		expect(after.locale).toBe('ar');
	});
});
