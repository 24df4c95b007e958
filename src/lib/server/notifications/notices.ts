import { and, desc, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { Db } from '../db/client.ts';
import { notification } from './schema.ts';
import { noticeSentence } from './texts.ts';

export const NOTICES_PER_PAGE = 30;
/** The header shows up to this many; past it, "99+". */
export const UNREAD_SHOWN = 99;

/** How many notices the person has not read, up to UNREAD_SHOWN + 1 (one indexed lookup). */
export async function unreadCount(db: Db, userId: string) {
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(
		db
			.select({ id: notification.id })
			.from(notification)
			.where(and(eq(notification.userId, userId), isNull(notification.readAt)))
			.limit(UNREAD_SHOWN + 1)
			.as('unread')
	);
	return n;
}

/** A page of the person's notices, newest first, each as a sentence in their language. */
export async function listNotices(
	db: Db,
	userId: string,
	locale: Locale,
	opts: { before?: number } = {}
) {
	const rows = await db
		.select()
		.from(notification)
		.where(
			and(
				eq(notification.userId, userId),
				opts.before ? lt(notification.id, opts.before) : undefined
			)
		)
		.orderBy(desc(notification.id))
		.limit(NOTICES_PER_PAGE + 1);
	const page = rows.slice(0, NOTICES_PER_PAGE);
	return {
		items: page.map((r) => ({
			id: r.id,
			text: noticeSentence(r.kind, r.detail, locale),
			link: r.link,
			unread: r.readAt === null,
			createdAt: r.createdAt
		})),
		older: rows.length > NOTICES_PER_PAGE ? page[page.length - 1].id : null
	};
}

/** Marks as read what the person was shown: their notices up to `upTo` (the newest listed). */
export async function markRead(db: Db, userId: string, upTo: number, now = new Date()) {
	await db
		.update(notification)
		.set({ readAt: now })
		.where(
			and(eq(notification.userId, userId), lte(notification.id, upTo), isNull(notification.readAt))
		);
}

/** A person's notices for their data export: what they were told, and how. */
export async function noticesOf(db: Db, userId: string) {
	return db
		.select({
			kind: notification.kind,
			detail: notification.detail,
			link: notification.link,
			sentVia: notification.sentVia,
			createdAt: notification.createdAt,
			readAt: notification.readAt
		})
		.from(notification)
		.where(eq(notification.userId, userId))
		.orderBy(desc(notification.id));
}
