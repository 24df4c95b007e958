import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { auditLog } from '../platform/schema.ts';
import { listPeople, rolesOf, setRoles } from './roles.ts';
import { createAdmin } from './create-admin.ts';

describe.each(DATABASES)('roles on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());

	it('creates the first administrator from the command-line operation', async () => {
		const result = await createAdmin(s.database.db, s.auth, {
			email: 'Root@Example.org',
			name: 'Root Admin'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.generatedPassword).toBeTruthy();
		expect(await rolesOf(s.database.db, result.userId)).toContain('administrator');
		const signedIn = await s.auth.api.signInEmail({
			body: { email: 'root@example.org', password: result.generatedPassword! }
		});
		expect(signedIn.user.id).toBe(result.userId);
	});

	it('refuses a bad e-mail on the command line', async () => {
		const result = await createAdmin(s.database.db, s.auth, { email: 'not-an-email', name: 'X' });
		expect(result).toEqual({ ok: false, error: expect.stringContaining('--email') });
	});

	it('lets an administrator grant roles, audited, and refuses a member', async () => {
		const admin = await buildMember(s, { roles: ['administrator'] });
		const member = await buildMember(s);
		const adminActor = { id: admin.id, roles: await rolesOf(s.database.db, admin.id) };
		const memberActor = { id: member.id, roles: await rolesOf(s.database.db, member.id) };

		expect(await setRoles(s.database.db, memberActor, member.id, ['administrator'])).toEqual({
			ok: false,
			kind: 'forbidden'
		});
		expect(await rolesOf(s.database.db, member.id)).toEqual(['member']);

		expect(
			await setRoles(s.database.db, adminActor, member.id, [
				'moderator',
				'service_provider',
				'bogus'
			])
		).toEqual({
			ok: true
		});
		// Unknown names are dropped, including roles the platform no longer has.
		expect(await rolesOf(s.database.db, member.id)).toEqual(['member', 'moderator']);
		const audit = await s.database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subjectId, member.id));
		expect(audit.map((a) => a.action)).toContain('roles.set');

		expect(await listPeople(s.database.db, memberActor, '')).toBeNull();
		const list = await listPeople(s.database.db, adminActor, member.email.slice(0, 12));
		expect(list?.rows.map((r) => r.id)).toContain(member.id);
		// A NUL byte in the search (PostgreSQL refuses it in text) is dropped, not a server error.
		const withNul = await listPeople(
			s.database.db,
			adminActor,
			`${member.email.slice(0, 12)}\u0000`
		);
		expect(withNul?.rows.map((r) => r.id)).toContain(member.id);
	});

	it('never removes the last administrator', async () => {
		const solo = await testServices(target, {}, { reset: true });
		try {
			const admin = await buildMember(solo, { roles: ['administrator'] });
			const actor = { id: admin.id, roles: await rolesOf(solo.database.db, admin.id) };
			expect(await setRoles(solo.database.db, actor, admin.id, [])).toEqual({
				ok: false,
				kind: 'conflict',
				errors: { form: 'admin_last_admin' }
			});
			expect(await rolesOf(solo.database.db, admin.id)).toContain('administrator');
		} finally {
			await solo.database.close();
		}
	});
});
