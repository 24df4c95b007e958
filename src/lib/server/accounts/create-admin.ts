import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { emailSchema, nameSchema, passwordSchema } from '#lib/accounts/schemas.ts';
import type { Db } from '../db/client.ts';
import type { Auth } from './auth.ts';
import { user } from './schema.ts';
import { grantRole } from './roles.ts';
import { writeAudit } from '../platform/audit.ts';

export type CreateAdminInput = { email: string; name: string; password?: string };
export type CreateAdminResult =
	| { ok: true; created: boolean; userId: string; generatedPassword?: string }
	| { ok: false; error: string };

/**
 * The first administrator comes from the command line. An existing account with that address is
 * promoted; otherwise one is created with a verified address and the given (or a generated) password.
 */
export async function createAdmin(
	db: Db,
	auth: Auth,
	input: CreateAdminInput
): Promise<CreateAdminResult> {
	const email = emailSchema.safeParse(input.email);
	if (!email.success) return { ok: false, error: '--email is not a valid e-mail address' };
	const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, email.data));
	if (existing) {
		await grantRole(db, existing.id, 'administrator', null);
		await writeAudit(db, {
			actorId: null,
			action: 'roles.grant-admin.cli',
			subjectType: 'user',
			subjectId: existing.id
		});
		return { ok: true, created: false, userId: existing.id };
	}
	const name = nameSchema.safeParse(input.name);
	if (!name.success) return { ok: false, error: '--name is missing or not a valid name' };
	const generated = input.password ? undefined : randomBytes(12).toString('base64url');
	const password = passwordSchema.safeParse(input.password ?? generated);
	if (!password.success)
		return { ok: false, error: '--password must have at least 10 varied characters' };
	const ctx = await auth.$context;
	const hash = await ctx.password.hash(password.data);
	const created = await ctx.internalAdapter.createUser(
		{
			email: email.data,
			name: name.data,
			emailVerified: true
		},
		{ method: 'admin' }
	);
	await ctx.internalAdapter.linkAccount({
		userId: created.id,
		providerId: 'credential',
		accountId: created.id,
		password: hash
	});
	await grantRole(db, created.id, 'administrator', null);
	await writeAudit(db, {
		actorId: null,
		action: 'roles.grant-admin.cli',
		subjectType: 'user',
		subjectId: created.id
	});
	return { ok: true, created: true, userId: created.id, generatedPassword: generated };
}
