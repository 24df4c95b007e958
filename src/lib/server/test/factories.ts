import { randomUUID } from 'node:crypto';
import type { Role } from '#lib/accounts/roles.ts';
import type { AppContext } from '../app/context.ts';
export { noticeDeps } from '../app/context.ts';
import { eq } from 'drizzle-orm';
import { grantRole } from '../accounts/roles.ts';
import { user } from '../accounts/schema.ts';

let counter = 0;

/** A verified member with a password, ready to sign in. */
export async function buildMember(
	s: AppContext,
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
export async function signIn(s: AppContext, email: string, password: string) {
	const response = await s.auth.api.signInEmail({ body: { email, password }, asResponse: true });
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	return new Headers({ cookie });
}

/** A member with a saved profile; visibility defaults to public for every field unless given. */
export async function buildProfile(
	s: AppContext,
	fields: Omit<Partial<import('#lib/members/profile.ts').ProfileInput>, 'visibility'> & {
		name: string;
		visibility?: Partial<import('#lib/members/profile.ts').ProfileInput['visibility']>;
	},
	roles: Role[] = []
) {
	const { emptyProfile, writeProfile } = await import('../members/save-profile.ts');
	const { PROFILE_FIELDS } = await import('#lib/members/profile.ts');
	const member = await buildMember(s, { name: fields.name, roles });
	const base = emptyProfile(fields.name, 'en');
	const allPublic = Object.fromEntries(
		Object.keys(PROFILE_FIELDS).map((k) => [k, 'public'])
	) as typeof base.visibility;
	await writeProfile(s.database.db, member.id, {
		...base,
		listed: 'public',
		...fields,
		visibility: { ...allPublic, ...(fields.visibility ?? {}) }
	});
	return member;
}

/** A member as an actor of the operations, with a verified phone number when one is given. */
export async function buildActor(
	s: AppContext,
	opts: { name?: string; email?: string; phone?: string } = {}
) {
	const m = await buildMember(s, { name: opts.name, email: opts.email });
	if (opts.phone)
		await s.database.db
			.update(user)
			.set({ phoneNumber: opts.phone, phoneNumberVerified: true })
			.where(eq(user.id, m.id));
	return { id: m.id, roles: ['member' as const], email: m.email };
}
