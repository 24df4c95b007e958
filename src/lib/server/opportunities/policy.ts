import type { Actor } from '../accounts/policy.ts';
import { isPlatformModerator } from '../moderation/policy.ts';

export type OpportunityAction =
	| 'see'
	| 'apply'
	| 'close'
	| 'see-applications'
	| 'decide'
	| 'see-application'
	| 'message'
	| 'withdraw'
	| 'report'
	| 'publish-at-once';

/** What the actor is to one opportunity, and to one application when there is one. */
export type OpportunityTie = {
	/** Its poster, or staff of the organisation it is posted for. */
	poster: boolean;
	/** Moderators hold it: waiting for review, or hidden after a report. */
	held: boolean;
	open: boolean;
	/** The actor's own application to it, if any. */
	applied: boolean;
	/** For application actions: the actor is the applicant. */
	applicant?: boolean;
};

/**
 * Who may do what with opportunities (docs/decisions/0036). A post is seen by everyone once a
 * moderator published it; until then (or once hidden) by its poster's side and moderators.
 * Members apply once while it is open, never to their own. The applications are for the poster's
 * side only (an applicant sees their own, never the others); the two sides message each other
 * about an application; an applicant withdraws theirs. Members report a published post that is not
 * theirs. Moderators' posts are published at once.
 */
export function canOpportunity(
	actor: Actor,
	action: OpportunityAction,
	tie: OpportunityTie
): boolean {
	const moderator = isPlatformModerator(actor);
	const visible = !tie.held || tie.poster || moderator;
	switch (action) {
		case 'see':
			return visible;
		case 'apply':
			return !!actor && !tie.held && tie.open && !tie.poster && !tie.applied;
		case 'close':
		case 'see-applications':
		case 'decide':
			return !!actor && tie.poster;
		case 'see-application':
		case 'message':
			return !!actor && (tie.poster || !!tie.applicant);
		case 'withdraw':
			return !!actor && !!tie.applicant;
		case 'report':
			return !!actor && !tie.held && !tie.poster;
		case 'publish-at-once':
			return moderator;
	}
}
