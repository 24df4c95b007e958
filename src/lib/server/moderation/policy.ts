import type { Actor } from '../accounts/policy.ts';

export type ModerationAction = 'queue.read' | 'case.decide' | 'appeal.decide' | 'account.suspend';

/** What the actor is to a case, for the decisions about it. */
export type CaseTie = {
	/** The content is the actor's own. */
	ownContent: boolean;
	/** The actor made the decision now appealed. */
	madeDecision: boolean;
	/** The actor moderates the community the content belongs to. */
	scopeModerator?: boolean;
};

const NO_TIE: CaseTie = { ownContent: false, madeDecision: false };

export function isPlatformModerator(actor: Actor) {
	return !!actor && actor.roles.some((r) => r === 'moderator' || r === 'administrator');
}

/**
 * Who moderates (docs/decisions/0022): the platform's moderators and administrators read the one
 * queue and decide; a community's moderators read and decide what was posted in their community
 * (its part of the queue), but only the platform suspends an account; nobody decides about their
 * own content; an appeal goes to someone other than the moderator who made the decision.
 */
export function canModerate(actor: Actor, action: ModerationAction, tie: CaseTie = NO_TIE) {
	if (!actor) return false;
	const platform = isPlatformModerator(actor);
	if (!platform && !tie.scopeModerator) return false;
	switch (action) {
		case 'queue.read':
			return true;
		case 'case.decide':
			return !tie.ownContent;
		case 'appeal.decide':
			return !tie.ownContent && !tie.madeDecision;
		case 'account.suspend':
			return platform && !tie.ownContent;
	}
}

/** How long after a decision its author may still appeal it (the DSA asks for six months at least). */
export const APPEAL_DAYS = 183;

export type AppealTie = {
	author: boolean;
	appealable: boolean;
	appealed: boolean;
	decidedAt: Date;
};

/** The author of the content may appeal a decision about it once, within APPEAL_DAYS. */
export function canAppeal(actor: Actor, tie: AppealTie, now = new Date()) {
	if (!actor || !tie.author || !tie.appealable || tie.appealed) return false;
	return now.getTime() - tie.decidedAt.getTime() <= APPEAL_DAYS * 86_400_000;
}
