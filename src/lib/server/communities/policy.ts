import type { CommunityVisibility } from '#lib/communities/forms.ts';
import type { Actor } from '../accounts/policy.ts';

export type CommunityAction = 'see' | 'read' | 'join' | 'leave' | 'post' | 'moderate' | 'feed';

/** What the actor is to one community, read in one query (access.ts `communityAccess`). */
export type CommunityTie = {
	visibility: CommunityVisibility;
	role: 'member' | 'moderator' | null;
	/** The actor holds the community's current invitation link. */
	invited: boolean;
	/** A platform moderator or administrator (they see every community, to moderate it). */
	platformModerator: boolean;
};

/**
 * Who may do what in a community (docs/decisions/0023). A public community is read by anyone, a
 * members-only one by those who joined (anyone signed in may join), an invite-only one is known
 * only to its members and to those holding its invitation link; writing is for members; its
 * moderators pin threads, manage members and the invitation link, and decide reports about it.
 */
export function canCommunity(actor: Actor, action: CommunityAction, tie: CommunityTie): boolean {
	const member = tie.role !== null;
	switch (action) {
		case 'see':
			return (
				tie.visibility !== 'invite' || member || tie.invited || (!!actor && tie.platformModerator)
			);
		case 'read':
			return tie.visibility === 'public' || member || (!!actor && tie.platformModerator);
		case 'feed':
			return tie.visibility === 'public';
		case 'join':
			return !!actor && !member && (tie.visibility !== 'invite' || tie.invited);
		case 'leave':
		case 'post':
			return !!actor && member;
		case 'moderate':
			return !!actor && tie.role === 'moderator';
	}
}
