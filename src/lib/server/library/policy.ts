import type { Actor } from '../accounts/policy.ts';
import { isPlatformModerator } from '../moderation/policy.ts';

export type ResourceAction = 'see' | 'translate' | 'report' | 'publish-at-once';

/** What the actor is to one resource (read.ts). */
export type ResourceTie = {
	/** The member who contributed it. */
	contributor: boolean;
	/** Moderators hold it: waiting for review, or hidden after a report. */
	held: boolean;
};

/**
 * Who may do what in the library (docs/decisions/0028). A resource is seen by everyone once a
 * moderator published it; until then (or once hidden) by its contributor and moderators only.
 * Members add translations of what is published and report what others contributed. What a
 * member contributes waits for a moderator; what a moderator contributes is published at once.
 */
export function canResource(actor: Actor, action: ResourceAction, tie: ResourceTie): boolean {
	const moderator = isPlatformModerator(actor);
	switch (action) {
		case 'see':
			return !tie.held || tie.contributor || moderator;
		case 'translate':
			return !!actor && !tie.held;
		case 'report':
			return !!actor && !tie.held && !tie.contributor;
		case 'publish-at-once':
			return moderator;
	}
}
