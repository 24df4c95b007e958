import { eq } from 'drizzle-orm';
import { createAuthMiddleware, isAPIError } from 'better-auth/api';
import type { Db } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import { user } from './schema.ts';

/** How a session came to be, from the auth path that made it; no address or number is kept. */
export function signInMethod(path: string | undefined) {
	if (!path) return 'server';
	if (path === '/sign-in/email') return 'password';
	if (path === '/sign-in/phone-number') return 'phone-password';
	if (path === '/phone-number/verify') return 'phone-code';
	if (path === '/verify-email') return 'email-link';
	if (/^\/(oauth2\/)?callback\//.test(path)) return 'oidc';
	return 'other';
}

/** Every new session is a sign-in, whichever way it was made. */
export async function auditSignIn(db: Db, userId: string, path: string | undefined) {
	await writeAudit(db, {
		actorId: userId,
		action: 'account.sign-in',
		subjectType: 'user',
		subjectId: userId,
		detail: { method: signInMethod(path) }
	});
}

const FAILED_PATHS = new Set(['/sign-in/email', '/sign-in/phone-number', '/phone-number/verify']);

/**
 * A refused sign-in is recorded against the account it aimed at, when there is one (so the person
 * and administrators can see someone trying); attempts at unknown addresses leave no row.
 */
export function auditFailedSignIns(db: Db) {
	return createAuthMiddleware(async (ctx) => {
		if (!FAILED_PATHS.has(ctx.path) || !isAPIError(ctx.context.returned)) return;
		const body = (ctx.body ?? {}) as { email?: unknown; phoneNumber?: unknown };
		const where =
			typeof body.email === 'string'
				? eq(user.email, body.email)
				: typeof body.phoneNumber === 'string'
					? eq(user.phoneNumber, body.phoneNumber)
					: null;
		if (!where) return;
		const [target] = await db.select({ id: user.id }).from(user).where(where);
		if (!target) return;
		const error = ctx.context.returned as { body?: { code?: string } };
		await writeAudit(db, {
			actorId: null,
			action: 'account.sign-in-failed',
			subjectType: 'user',
			subjectId: target.id,
			detail: { method: signInMethod(ctx.path), reason: error.body?.code ?? 'unknown' }
		});
	});
}
