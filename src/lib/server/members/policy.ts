import type { Viewer } from '#lib/members/profile.ts';
import type { Actor } from '../accounts/policy.ts';

/**
 * How a person sees a profile. Administrators see what members see: a field its owner kept to
 * themselves stays hidden from staff too (docs/decisions/0004-profile-visibility.md).
 */
export function viewerOf(actor: Actor, profileUserId: string): Viewer {
	if (!actor) return 'visitor';
	if (actor.id === profileUserId) return 'owner';
	return 'member';
}

export function canEditProfile(actor: Actor, profileUserId: string) {
	return !!actor && actor.id === profileUserId;
}
