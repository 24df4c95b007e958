import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { account, session, user, userRole } from './schema.ts';

/** A person's account as their data export shows it: no password hash, no token. */
export async function accountDataOf(db: Db, userId: string) {
	const [me] = await db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			emailVerified: user.emailVerified,
			phoneNumber: user.phoneNumber,
			locale: user.locale,
			createdAt: user.createdAt
		})
		.from(user)
		.where(eq(user.id, userId));
	if (!me) return null;
	return {
		// A phone account's placeholder address is not the person's.
		account: { ...me, email: me.email.endsWith('.invalid') ? null : me.email },
		contacts: [me.email, me.phoneNumber].filter((c): c is string => !!c),
		signInMethods: (
			await db
				.select({ provider: account.providerId, createdAt: account.createdAt })
				.from(account)
				.where(eq(account.userId, userId))
		).map((a) => ({ provider: a.provider, since: a.createdAt })),
		roles: (
			await db.select({ role: userRole.role }).from(userRole).where(eq(userRole.userId, userId))
		).map((r) => r.role),
		sessions: await db
			.select({
				createdAt: session.createdAt,
				expiresAt: session.expiresAt,
				userAgent: session.userAgent,
				ipAddress: session.ipAddress
			})
			.from(session)
			.where(eq(session.userId, userId))
	};
}

/** Is this person the platform's only administrator? */
export async function isLastAdministrator(db: Db | Tx, userId: string) {
	const admins = await db
		.select({ userId: userRole.userId })
		.from(userRole)
		.where(eq(userRole.role, 'administrator'));
	return admins.length === 1 && admins[0].userId === userId;
}

/** The account row goes; its sessions, sign-in methods, roles, profile and memberships cascade. */
export async function deleteAccountRow(tx: Tx, userId: string) {
	await tx.delete(user).where(eq(user.id, userId));
}
