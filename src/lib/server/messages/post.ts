import { randomUUID } from 'node:crypto';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { messageForm, startForm, MAX_GROUP } from '#lib/messages/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { conversationAccess } from './access.ts';
import { canStart } from './policy.ts';
import { reachOf } from './reach.ts';
import { conversation, conversationMember, message } from './schema.ts';
import { LIVE_CHANNEL } from './live.ts';
import type { Storage } from '../platform/storage.ts';
import { processAttachment, type ProcessedAttachment } from './attachment.ts';
import { messageAttachment } from './schema.ts';
import { screenOnSave } from '../moderation/screening.ts';
import { messageSubject } from './report.ts';

export const attachmentKey = (conversationId: string, messageId: number, extension: string) =>
	`messages/${conversationId.toLowerCase()}/${messageId}.${extension}`;

export type MessageDeps = { db: Db; notifier: Notifier; storage?: Storage };

/** A file as a form sent it: its bytes and the name it had on the sender's device. */
export type Upload = { data: Buffer; name: string } | null;

/**
 * Writes one message into a conversation the author may post in, within `tx`: the conversation
 * moves up everyone's inbox, the author has read it, members who had nothing unread there (and
 * did not mute it) are told once, and instances holding a live connection of a member hear of it
 * when the transaction commits (LISTEN/NOTIFY, live.ts).
 */
export async function insertMessage(
	tx: Tx,
	deps: MessageDeps,
	conversationId: string,
	authorId: string,
	body: string,
	file: ProcessedAttachment | null = null
) {
	const [row] = await tx
		.insert(message)
		.values({ conversationId, authorId, body })
		.returning({ id: message.id, createdAt: message.createdAt });
	if (file && deps.storage) {
		// The file inside the transaction: if it cannot be written, the message is not either.
		const key = attachmentKey(conversationId, row.id, file.extension);
		await deps.storage.put(key, file.data);
		await tx.insert(messageAttachment).values({
			messageId: row.id,
			kind: file.kind,
			name: file.name,
			bytes: file.data.byteLength,
			width: file.width,
			height: file.height,
			storageKey: key
		});
	}
	// Words that match a lexicon put the message before moderators, as written; nothing is removed.
	await screenOnSave(
		tx,
		messageSubject(row.id, authorId, body, file ? { kind: file.kind, name: file.name } : null),
		body
	);
	await tx
		.update(conversation)
		.set({ lastMessageAt: row.createdAt })
		.where(eq(conversation.id, conversationId));
	// Those caught up before this message (their last read is at or past the previous one).
	const previous = sql`coalesce((select max(id) from message where conversation_id = ${conversationId} and id < ${row.id}), 0)`;
	const members = await tx
		.select({
			userId: conversationMember.userId,
			muted: conversationMember.muted,
			caughtUp: sql<boolean>`${conversationMember.lastReadId} >= ${previous}`
		})
		.from(conversationMember)
		.where(
			and(eq(conversationMember.conversationId, conversationId), isNull(conversationMember.leftAt))
		);
	await tx
		.update(conversationMember)
		.set({ lastReadId: row.id })
		.where(
			and(
				eq(conversationMember.conversationId, conversationId),
				eq(conversationMember.userId, authorId)
			)
		);
	await deps.notifier.notify(
		tx,
		members
			.filter((m) => m.userId !== authorId && !m.muted && m.caughtUp)
			.map((m) => ({
				userId: m.userId,
				kind: 'message_new' as const,
				link: `/messages/${conversationId}`
			}))
	);
	const to = members.map((m) => m.userId);
	await tx.execute(
		sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ c: conversationId, m: row.id, u: to })})`
	);
	return row.id;
}

/** A limit per account besides the one per address (the hook's): one spammer, many addresses. */
async function overLimit(db: Db, actorId: string, starting: boolean) {
	const rule = starting ? RULES.conversationsByAccount : RULES.messagesByAccount;
	return !(await hitRateLimit(db, rule, actorId)).allowed;
}

/** Posts a message in a conversation the actor belongs to and may write in. */
export async function postMessage(
	deps: MessageDeps,
	actor: Actor,
	conversationId: string,
	raw: unknown,
	upload: Upload = null
): Promise<Result<{ id: number }>> {
	if (!actor) return failure('forbidden');
	const parsed = messageForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const hasFile = !!upload && upload.data.byteLength > 0;
	if (!parsed.data.body && !hasFile) return failure('invalid', { body: 'error_message_empty' });
	const file = hasFile ? await processAttachment(upload!.data, upload!.name) : null;
	if (hasFile && (!file || !deps.storage))
		return failure('invalid', { file: 'error_message_file' });
	const { db } = deps;
	const access = await conversationAccess(db, actor, conversationId, 'read');
	if (!access) return failure('not_found');
	if (!(await conversationAccess(db, actor, conversationId, 'post')))
		return failure('forbidden', {
			form: access.tie.left ? 'error_message_left' : 'error_message_blocked'
		});
	if (await overLimit(db, actor.id, false))
		return failure('rate_limited', { form: 'error_rate_limited' });
	const id = await db.transaction((tx) =>
		insertMessage(tx, deps, conversationId, actor.id, parsed.data.body, file)
	);
	return ok({ id });
}

/**
 * Starts a conversation: with one member, the pair's one conversation (found again if it exists,
 * and rejoined by whoever had left it); with several (up to MAX_GROUP), a new group. Every
 * recipient must accept messages from the actor (policy.ts `canStart`); one who does not makes the
 * whole start fail with the same message whatever the reason (a block is not revealed).
 */
export async function startConversation(
	deps: MessageDeps,
	actor: Actor,
	raw: unknown
): Promise<Result<{ id: string }>> {
	if (!actor) return failure('forbidden');
	const parsed = startForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const to = [...new Set(parsed.data.to)].filter((id) => id !== actor.id);
	if (!to.length) return failure('invalid', { to: 'error_message_recipients' });
	if (to.length > MAX_GROUP) return failure('invalid', { to: 'error_message_too_many' });
	const { db } = deps;
	const reach = await reachOf(db, actor.id, to);
	if (to.some((id) => !canStart(actor, id, reach.get(id)!)))
		return failure('forbidden', { to: 'error_message_not_reachable' });
	if (await overLimit(db, actor.id, true))
		return failure('rate_limited', { form: 'error_rate_limited' });
	const direct = to.length === 1;
	const directKey = direct ? [actor.id, to[0]].sort().join('|') : null;
	const id = await db.transaction(async (tx) => {
		let conversationId: string | null = null;
		if (directKey) {
			const [found] = await tx
				.select({ id: conversation.id })
				.from(conversation)
				.where(eq(conversation.directKey, directKey));
			conversationId = found?.id ?? null;
		}
		if (!conversationId) {
			conversationId = randomUUID();
			// Two people starting the same pair at once: the second finds the first's (unique key).
			const made = await tx
				.insert(conversation)
				.values({
					id: conversationId,
					kind: direct ? 'direct' : 'group',
					title: direct ? null : parsed.data.title || null,
					directKey,
					createdBy: actor.id
				})
				.onConflictDoNothing()
				.returning({ id: conversation.id });
			if (!made.length) {
				const [found] = await tx
					.select({ id: conversation.id })
					.from(conversation)
					.where(eq(conversation.directKey, directKey!));
				conversationId = found.id;
			}
		}
		await tx
			.insert(conversationMember)
			.values([actor.id, ...to].map((userId) => ({ conversationId: conversationId!, userId })))
			.onConflictDoUpdate({
				target: [conversationMember.conversationId, conversationMember.userId],
				set: { leftAt: null }
			});
		await insertMessage(tx, deps, conversationId, actor.id, parsed.data.body);
		return conversationId;
	});
	return ok({ id });
}

/** Marks a conversation read up to its newest message for the actor. */
export async function markRead(db: Db | Tx, actorId: string, conversationId: string) {
	await db
		.update(conversationMember)
		.set({
			lastReadId: sql`greatest(${conversationMember.lastReadId}, coalesce((select max(id) from message where conversation_id = ${conversationId}), 0))`
		})
		.where(
			and(
				eq(conversationMember.conversationId, conversationId),
				eq(conversationMember.userId, actorId)
			)
		);
}
