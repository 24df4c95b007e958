import { heldIds, isHeld } from '../moderation/holds.ts';
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { conversationAccess } from './access.ts';
import { markRead } from './post.ts';
import { conversation, conversationMember, message, messageAttachment } from './schema.ts';

export const INBOX_PAGE = 30;
export const THREAD_PAGE = 50;

/** Conversations with news for the header: unread, not muted, not left (one indexed probe each). */
export async function unreadConversations(db: Db, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(conversationMember)
		.where(
			and(
				eq(conversationMember.userId, userId),
				eq(conversationMember.muted, false),
				isNull(conversationMember.leftAt),
				sql`exists (select 1 from message x where x.conversation_id = ${conversationMember.conversationId}
					and x.id > greatest(${conversationMember.lastReadId}, ${conversationMember.clearedId})
					and x.author_id is distinct from ${userId})`
			)
		);
	return row?.n ?? 0;
}

/** The actor's conversations, the latest first, with what is unread and the last line. */
export async function inbox(db: Db, actor: Actor, page = 1) {
	if (!actor) return [];
	const me = actor.id;
	const rows = await db
		.select({
			id: conversation.id,
			kind: conversation.kind,
			title: conversation.title,
			lastMessageAt: conversation.lastMessageAt,
			muted: conversationMember.muted,
			left: sql<boolean>`${conversationMember.leftAt} is not null`,
			unread: sql<number>`(select count(*)::int from message x where x.conversation_id = ${conversation.id}
				and x.id > greatest(${conversationMember.lastReadId}, ${conversationMember.clearedId})
				and x.author_id is distinct from ${me})`,
			last: sql<
				string | null
			>`(select left(x.body, 140) from message x where x.conversation_id = ${conversation.id}
				and x.id > ${conversationMember.clearedId} order by x.id desc limit 1)`,
			others: sql<
				string[]
			>`array(select u.name from conversation_member o join "user" u on u.id = o.user_id
				where o.conversation_id = ${conversation.id} and o.user_id <> ${me} order by u.name limit 4)`,
			otherCount: sql<number>`(select count(*)::int from conversation_member o where o.conversation_id = ${conversation.id} and o.user_id <> ${me})`
		})
		.from(conversationMember)
		.innerJoin(conversation, eq(conversation.id, conversationMember.conversationId))
		.where(
			and(
				eq(conversationMember.userId, me),
				// a deleted copy comes back only with a new message
				sql`exists (select 1 from message x where x.conversation_id = ${conversation.id} and x.id > ${conversationMember.clearedId})`
			)
		)
		.orderBy(desc(conversation.lastMessageAt), conversation.id)
		.limit(INBOX_PAGE)
		.offset((Math.max(1, page) - 1) * INBOX_PAGE);
	return rows;
}

/**
 * One conversation as its member reads it: the newest messages (or those before `before`), oldest
 * first, rendered from Markdown and sanitised; reading marks it read. 404 for anyone outside it.
 */
export async function readConversation(
	db: Db,
	actor: Actor,
	id: string,
	opts: { before?: number } = {}
): Promise<
	Result<{
		conversation: typeof conversation.$inferSelect;
		muted: boolean;
		left: boolean;
		canPost: boolean;
		blocked: boolean;
		members: { id: string; name: string; left: boolean }[];
		messages: {
			id: number;
			authorId: string | null;
			author: string | null;
			html: string;
			hidden: boolean;
			createdAt: Date;
			mine: boolean;
			file: {
				kind: 'image' | 'pdf';
				name: string;
				bytes: number;
				width: number | null;
				height: number | null;
			} | null;
		}[];
		older: number | null;
	}>
> {
	const access = await conversationAccess(db, actor, id);
	if (!access || !actor) return failure('not_found');
	const rows = await db
		.select({
			id: message.id,
			authorId: message.authorId,
			author: user.name,
			body: message.body,
			createdAt: message.createdAt,
			file: {
				kind: messageAttachment.kind,
				name: messageAttachment.name,
				bytes: messageAttachment.bytes,
				width: messageAttachment.width,
				height: messageAttachment.height
			}
		})
		.from(message)
		.leftJoin(user, eq(user.id, message.authorId))
		.leftJoin(messageAttachment, eq(messageAttachment.messageId, message.id))
		.where(
			and(
				eq(message.conversationId, id),
				gt(message.id, access.me.clearedId),
				opts.before ? lt(message.id, opts.before) : undefined
			)
		)
		.orderBy(desc(message.id))
		.limit(THREAD_PAGE + 1);
	const older = rows.length > THREAD_PAGE ? rows[THREAD_PAGE - 1].id : null;
	// Messages moderators hid read as such, to their author too (who is told why on their account).
	const held = await heldIds(
		db,
		'message',
		rows.slice(0, THREAD_PAGE).map((r) => String(r.id))
	);
	const members = await db
		.select({ id: user.id, name: user.name, leftAt: conversationMember.leftAt })
		.from(conversationMember)
		.innerJoin(user, eq(user.id, conversationMember.userId))
		.where(eq(conversationMember.conversationId, id))
		.orderBy(user.name);
	if (!opts.before) await markRead(db, actor.id, id);
	return ok({
		conversation: access.conversation,
		muted: access.me.muted,
		left: access.tie.left,
		blocked: access.tie.blocked,
		canPost: !access.tie.left && !access.tie.blocked,
		members: members.map((m) => ({ id: m.id, name: m.name, left: m.leftAt !== null })),
		messages: rows
			.slice(0, THREAD_PAGE)
			.reverse()
			.map((r) => ({
				id: r.id,
				authorId: r.authorId,
				author: r.author,
				hidden: held.has(String(r.id)),
				html: r.body && !held.has(String(r.id)) ? renderMarkdown(r.body).trim() : '',
				file:
					r.file?.kind && !held.has(String(r.id))
						? (r.file as NonNullable<typeof r.file> & { kind: 'image' | 'pdf' })
						: null,
				createdAt: r.createdAt,
				mine: r.authorId === actor.id
			})),
		older
	});
}

/** Mute or unmute, leave, or delete one's own copy (the others keep theirs). */
export async function changeMembership(
	db: Db,
	actor: Actor,
	id: string,
	change: 'mute' | 'unmute' | 'leave' | 'delete'
): Promise<Result> {
	const access = await conversationAccess(db, actor, id, change === 'leave' ? 'leave' : 'read');
	if (!access || !actor) return failure('not_found');
	const mine = and(
		eq(conversationMember.conversationId, id),
		eq(conversationMember.userId, actor.id)
	);
	if (change === 'mute' || change === 'unmute')
		await db
			.update(conversationMember)
			.set({ muted: change === 'mute' })
			.where(mine);
	if (change === 'leave')
		await db.update(conversationMember).set({ leftAt: new Date() }).where(mine);
	if (change === 'delete')
		await db
			.update(conversationMember)
			.set({
				clearedId: sql`coalesce((select max(id) from message where conversation_id = ${id}), 0)`,
				lastReadId: sql`coalesce((select max(id) from message where conversation_id = ${id}), 0)`
			})
			.where(mine);
	return ok();
}

/** The names of the people a new conversation is for (`?to=` links); unknown ids are left out. */
export async function recipientNames(db: Db, ids: string[]) {
	if (!ids.length) return [];
	return db
		.select({ id: user.id, name: user.name })
		.from(user)
		.where(inArray(user.id, ids))
		.orderBy(user.name);
}

/**
 * A file of a message the actor may read (a member of its conversation, the message not in a
 * deleted copy), or null: the route answers 404 then.
 */
export async function attachmentFor(
	db: Db,
	actor: Actor,
	conversationId: string,
	messageId: number
) {
	const access = await conversationAccess(db, actor, conversationId);
	if (!access || !Number.isSafeInteger(messageId) || messageId <= access.me.clearedId) return null;
	const [row] = await db
		.select({
			kind: messageAttachment.kind,
			name: messageAttachment.name,
			key: messageAttachment.storageKey
		})
		.from(messageAttachment)
		.innerJoin(message, eq(message.id, messageAttachment.messageId))
		.where(
			and(eq(messageAttachment.messageId, messageId), eq(message.conversationId, conversationId))
		);
	if (row && (await isHeld(db, 'message', String(messageId)))) return null;
	return row ?? null;
}
