import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { session, user } from './schema.ts';

export type SessionView = { id: string; createdAt: Date; device: string; current: boolean };

/** A short, non-identifying device description: browser family and platform only. */
export function describeDevice(userAgent: string | null) {
	if (!userAgent) return null;
	const browser = /Edg\//.test(userAgent)
		? 'Edge'
		: /Firefox\//.test(userAgent)
			? 'Firefox'
			: /Chrome\//.test(userAgent)
				? 'Chrome'
				: /Safari\//.test(userAgent)
					? 'Safari'
					: null;
	const platform = /Android/.test(userAgent)
		? 'Android'
		: /iPhone|iPad/.test(userAgent)
			? 'iOS'
			: /Windows/.test(userAgent)
				? 'Windows'
				: /Mac OS/.test(userAgent)
					? 'macOS'
					: /Linux/.test(userAgent)
						? 'Linux'
						: null;
	return [browser, platform].filter(Boolean).join(' · ') || null;
}

export async function listSessions(
	db: Db,
	userId: string,
	currentId: string | null
): Promise<SessionView[]> {
	const rows = await db
		.select({ id: session.id, createdAt: session.createdAt, userAgent: session.userAgent })
		.from(session)
		.where(and(eq(session.userId, userId), gt(session.expiresAt, new Date())))
		.orderBy(desc(session.createdAt));
	return rows.map((r) => ({
		id: r.id,
		createdAt: r.createdAt,
		device: describeDevice(r.userAgent) ?? '',
		current: r.id === currentId
	}));
}

/** Ends one of the person's own sessions; another person's session id does nothing. */
export async function endSession(db: Db, userId: string, sessionId: string) {
	const ended = await db
		.delete(session)
		.where(and(eq(session.id, sessionId), eq(session.userId, userId)))
		.returning({ id: session.id });
	return ended.length > 0;
}

export async function endOtherSessions(db: Db, userId: string, currentId: string) {
	await db.delete(session).where(and(eq(session.userId, userId), ne(session.id, currentId)));
}

export async function setLocale(db: Db, userId: string, locale: string) {
	await db.update(user).set({ locale, updatedAt: new Date() }).where(eq(user.id, userId));
}
