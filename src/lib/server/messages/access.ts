import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { blockedBetween } from '../members/blocks.ts';
import { canConversation, type ConversationAction, type ConversationTie } from './policy.ts';
import { conversation, conversationMember } from './schema.ts';

/**
 * A conversation with what the actor is to it, or null when the actor may not `action` it: pages
 * answer 404 then, so a conversation's existence is not revealed to anyone outside it.
 */
export async function conversationAccess(
	db: Db | Tx,
	actor: Actor,
	id: string,
	action: ConversationAction = 'read'
) {
	if (!actor || !id || id.length > 64) return null;
	const [row] = await db
		.select({ conversation, me: conversationMember })
		.from(conversation)
		.leftJoin(
			conversationMember,
			and(
				eq(conversationMember.conversationId, conversation.id),
				eq(conversationMember.userId, actor.id)
			)
		)
		.where(eq(conversation.id, id));
	if (!row?.me) return null;
	let blocked = false;
	if (row.conversation.kind === 'direct') {
		const [other] = await db
			.select({ userId: conversationMember.userId })
			.from(conversationMember)
			.where(
				and(eq(conversationMember.conversationId, id), ne(conversationMember.userId, actor.id))
			);
		blocked = other ? await blockedBetween(db, actor.id, other.userId) : false;
	}
	const tie: ConversationTie = { member: true, left: row.me.leftAt !== null, blocked };
	if (!canConversation(actor, action, tie)) return null;
	return { conversation: row.conversation, me: row.me, tie };
}
