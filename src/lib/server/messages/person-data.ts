import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { conversation, conversationMember, message } from './schema.ts';

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
 * who they were. The conversations stay for the others.
 */
export async function eraseMessagesOf(tx: Tx, userId: string) {
	await tx.delete(message).where(eq(message.authorId, userId));
}
