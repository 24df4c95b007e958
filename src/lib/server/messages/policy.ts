import type { MessageAudience } from '#lib/messages/forms.ts';
import type { Actor } from '../accounts/policy.ts';

export type ConversationAction = 'read' | 'post' | 'leave';

/** What the actor is to one conversation, read in one query (conversations.ts `accessOf`). */
export type ConversationTie = {
	member: boolean;
	left: boolean;
	/** In a one-to-one conversation: either of the two has blocked the other. */
	blocked: boolean;
};

/**
 * Who may do what in a conversation. Only its members read it (staff and administrators do not:
 * private messages reach moderation only when a member reports one); one who left reads what came
 * before and writes no more; a block between the two of a one-to-one conversation stops writing
 * both ways.
 */
export function canConversation(
	actor: Actor,
	action: ConversationAction,
	tie: ConversationTie
): boolean {
	if (!actor || !tie.member) return false;
	switch (action) {
		case 'read':
			return true;
		case 'post':
			return !tie.left && !tie.blocked;
		case 'leave':
			return !tie.left;
	}
}

/** What stands between the actor and a member they want to write to (start.ts `reachOf`). */
export type Reach = {
	/** The member's choice of who may start a conversation with them. */
	allow: MessageAudience;
	/** They share an organisation where both are active staff or members. */
	shared: boolean;
	/** Either has blocked the other. */
	blocked: boolean;
	/** The member's account is suspended or gone. */
	gone: boolean;
};

/** May the actor start a conversation with a member (or add them to a group)? */
export function canStart(actor: Actor, targetId: string, reach: Reach): boolean {
	if (!actor || actor.id === targetId || reach.blocked || reach.gone) return false;
	switch (reach.allow) {
		case 'members':
			return true;
		case 'shared':
			return reach.shared;
		case 'nobody':
			return false;
	}
}
