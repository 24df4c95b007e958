import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { accountSuspension } from './schema.ts';

/** Until when an account is suspended, or null when it is not (a past suspension is over). */
export async function suspendedUntil(db: Db | Tx, userId: string, now = new Date()) {
	const [row] = await db
		.select({ until: accountSuspension.until })
		.from(accountSuspension)
		.where(and(eq(accountSuspension.userId, userId), gt(accountSuspension.until, now)));
	return row?.until ?? null;
}

/**
 * What a suspended account may still send: appeals and its account's own settings, its data and
 * erasure, signing out. Everything else that writes is refused in front of the routes
 * (hooks.server.ts), so no module can forget it.
 */
export function allowedWhileSuspended(pathname: string) {
	return /^\/(account(\/|$)|sign-out(\/|$)|api\/auth\/sign-out)/.test(pathname);
}
