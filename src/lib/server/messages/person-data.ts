import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { conversation, conversationMember, message, messageAttachment } from './schema.ts';
import type { Storage } from '../platform/storage.ts';

/**
 * For a person's download: the conversations they are in and the messages they wrote (what others
 * wrote is the others' own data, and stays out).
 */
export async function messagesOfPerson(db: Db, userId: string) {
	const [conversations, written] = await Promise.all([
		db
			.select({
				id: conversation.id,
				kind: conversation.kind,
				title: conversation.title,
				joinedAt: conversationMember.joinedAt,
				muted: conversationMember.muted,
				leftAt: conversationMember.leftAt
			})
			.from(conversationMember)
			.innerJoin(conversation, eq(conversation.id, conversationMember.conversationId))
			.where(eq(conversationMember.userId, userId)),
		db
			.select({ conversation: message.conversationId, body: message.body, at: message.createdAt })
			.from(message)
			.where(eq(message.authorId, userId))
			.orderBy(message.id)
	]);
	return { conversations, written };
}

/**
 * Erasure: the messages a person wrote are deleted, not left unsigned: their words could still say
 * who they were. The conversations stay for the others. Returns the files to remove once the
 * transaction has committed (removeMessageFiles).
 */
export async function eraseMessagesOf(tx: Tx, userId: string): Promise<string[]> {
	const files = await tx
		.select({ key: messageAttachment.storageKey })
		.from(messageAttachment)
		.innerJoin(message, eq(message.id, messageAttachment.messageId))
		.where(eq(message.authorId, userId));
	await tx.delete(message).where(eq(message.authorId, userId));
	return files.map((f) => f.key);
}

export async function removeMessageFiles(storage: Storage, keys: string[]) {
	for (const key of keys) await storage.remove(key);
}
