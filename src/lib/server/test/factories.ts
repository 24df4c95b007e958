import { randomUUID } from 'node:crypto';
import type { Role } from '#lib/accounts/roles.ts';
import type { Services } from '../platform/services.ts';
import { grantRole } from '../accounts/roles.ts';

let counter = 0;

/** A verified member with a password, ready to sign in. */
export async function buildMember(
	s: Services,
	overrides: { name?: string; email?: string; password?: string; roles?: Role[] } = {}
) {
	counter++;
	const email = overrides.email ?? `member-${counter}-${randomUUID().slice(0, 8)}@example.org`;
	const password = overrides.password ?? 'a sturdy passphrase';
	const ctx = await s.auth.$context;
	const user = await ctx.internalAdapter.createUser(
		{
			email,
			name: overrides.name ?? `Member ${counter}`,
			emailVerified: true
		},
		{ method: 'admin' }
	);
	await ctx.internalAdapter.linkAccount({
		userId: user.id,
		providerId: 'credential',
		accountId: user.id,
		password: await ctx.password.hash(password)
	});
	for (const role of overrides.roles ?? []) await grantRole(s.database.db, user.id, role, null);
	return { id: user.id, email, password };
}

/** Signs in through better-auth and returns the cookie header a browser would send. */
export async function signIn(s: Services, email: string, password: string) {
	const response = await s.auth.api.signInEmail({ body: { email, password }, asResponse: true });
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	return new Headers({ cookie });
}
