import { randomUUID } from 'node:crypto';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { replyForm, threadForm } from '#lib/communities/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { notification } from '../notifications/schema.ts';
import { rowsOf } from '../db/rows.ts';
import { searchKey } from '../search/normalise.ts';
import { writeAudit } from '../platform/audit.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { Subject } from '../moderation/report.ts';
import { screenOnSave } from '../moderation/screening.ts';
import { communityAccess } from './access.ts';
import { community, communityReply, communityThread } from './schema.ts';

export type PostDeps = { db: Db; notifier: Notifier };

export const threadPath = (slug: string, threadId: string) => `/communities/${slug}/t/${threadId}`;

/** A thread or a reply as moderators read it, in the community whose moderators may decide it. */
export function postSubject(
	kind: 'thread' | 'reply',
	id: string,
	authorId: string | null,
	text: string,
	communityId: string,
	path: string | null
): Subject {
	return { kind, id, authorId, excerpt: text, path, scope: communityId };
}

async function overLimit(db: Db, actorId: string, thread: boolean) {
	if (!(await hitRateLimit(db, RULES.postsByAccount, actorId)).allowed) return true;
	return thread && !(await hitRateLimit(db, RULES.threadsByAccount, actorId)).allowed;
}

/** A member opens a thread in their community; words matching a lexicon go to the queue. */
export async function startThread(
	deps: PostDeps,
	actor: Actor,
	slug: string,
	raw: unknown,
	opts: { at?: Date; skipLimit?: boolean } = {}
): Promise<Result<{ id: string }>> {
	const { db } = deps;
	const access = await communityAccess(db, actor, slug, 'see');
	if (!access || !access.may('read')) return failure('not_found');
	if (!access.may('post')) return failure('forbidden', { form: 'error_community_join_first' });
	const parsed = threadForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	if (!opts.skipLimit && (await overLimit(db, actor!.id, true)))
		return failure('rate_limited', { form: 'error_rate_limited' });
	const { title, body } = parsed.data;
	const id = randomUUID();
	const at = opts.at ?? new Date();
	await db.transaction(async (tx) => {
		await tx.insert(communityThread).values({
			id,
			communityId: access.community.id,
			authorId: actor!.id,
			title,
			body,
			createdAt: at,
			lastReplyAt: at,
			search: sql`to_tsvector('simple', ${`${searchKey(title)} ${searchKey(body)}`})`
		});
		await tx
			.update(community)
			.set({ lastActivityAt: at })
			.where(eq(community.id, access.community.id));
		const text = `${title}\n${body}`;
		await screenOnSave(
			tx,
			postSubject('thread', id, actor!.id, text, access.community.id, threadPath(slug, id)),
			text
		);
	});
	return ok({ id });
}

/** Those told of a reply: who started the thread and who replied before, once until they look. */
async function tellParticipants(
	tx: Tx,
	deps: PostDeps,
	threadId: string,
	authorId: string,
	link: string
) {
	const rows = await tx.execute(sql`
		select author_id as user_id from community_thread where id = ${threadId} and author_id is not null
		union
		select distinct author_id from community_reply where thread_id = ${threadId} and author_id is not null
		limit 500`);
	const ids = rowsOf<{ user_id: string }>(rows)
		.map((r) => r.user_id)
		.filter((id) => id !== authorId);
	if (!ids.length) return;
	// Someone who has not yet read the last notice about this thread is not told again.
	const waiting = await tx
		.select({ userId: notification.userId })
		.from(notification)
		.where(
			and(
				inArray(notification.userId, ids),
				eq(notification.link, link),
				isNull(notification.readAt)
			)
		);
	const skip = new Set(waiting.map((w) => w.userId));
	await deps.notifier.notify(
		tx,
		ids
			.filter((id) => !skip.has(id))
			.map((userId) => ({ userId, kind: 'community_reply' as const, link }))
	);
}

/** A member replies in a thread of their community. */
export async function replyToThread(
	deps: PostDeps,
	actor: Actor,
	slug: string,
	threadId: string,
	raw: unknown,
	opts: { at?: Date; skipLimit?: boolean } = {}
): Promise<Result<{ id: number }>> {
	const { db } = deps;
	const access = await communityAccess(db, actor, slug, 'see');
	if (!access || !access.may('read')) return failure('not_found');
	const [thread] = await db
		.select({ id: communityThread.id })
		.from(communityThread)
		.where(
			and(eq(communityThread.id, threadId), eq(communityThread.communityId, access.community.id))
		);
	if (!thread) return failure('not_found');
	if (!access.may('post')) return failure('forbidden', { form: 'error_community_join_first' });
	const parsed = replyForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	if (!opts.skipLimit && (await overLimit(db, actor!.id, false)))
		return failure('rate_limited', { form: 'error_rate_limited' });
	const { body } = parsed.data;
	const at = opts.at ?? new Date();
	const id = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(communityReply)
			.values({ threadId, authorId: actor!.id, body, createdAt: at })
			.returning({ id: communityReply.id });
		await tx
			.update(communityThread)
			.set({
				replyCount: sql`${communityThread.replyCount} + 1`,
				lastReplyAt: at,
				search: sql`${communityThread.search} || to_tsvector('simple', ${searchKey(body)})`
			})
			.where(eq(communityThread.id, threadId));
		await tx
			.update(community)
			.set({ lastActivityAt: at })
			.where(eq(community.id, access.community.id));
		const path = threadPath(slug, threadId);
		await screenOnSave(
			tx,
			postSubject(
				'reply',
				String(row.id),
				actor!.id,
				body,
				access.community.id,
				`${path}#r${row.id}`
			),
			body
		);
		await tellParticipants(tx, deps, threadId, actor!.id, path);
		return row.id;
	});
	return ok({ id });
}

/** The community's moderators pin a thread at the top of its list, or unpin it. */
export async function setPinned(
	db: Db,
	actor: Actor,
	slug: string,
	threadId: string,
	pinned: boolean
): Promise<Result> {
	const access = await communityAccess(db, actor, slug, 'moderate');
	if (!access) return failure('not_found');
	return db.transaction(async (tx): Promise<Result> => {
		const changed = await tx
			.update(communityThread)
			.set({ pinned })
			.where(
				and(
					eq(communityThread.id, threadId),
					eq(communityThread.communityId, access.community.id),
					ne(communityThread.pinned, pinned)
				)
			)
			.returning({ id: communityThread.id });
		if (changed.length)
			await writeAudit(tx, {
				actorId: actor!.id,
				action: pinned ? 'community.pin' : 'community.unpin',
				subjectType: 'community_thread',
				subjectId: threadId
			});
		return ok();
	});
}
