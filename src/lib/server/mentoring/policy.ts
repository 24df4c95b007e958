import type { Actor } from '../accounts/policy.ts';

export type MentoringAction =
	'see' | 'apply' | 'coordinate' | 'see-pair' | 'log' | 'read-notes' | 'give-feedback' | 'leave';

/** What the actor is to a programme, and to one pair when there is one. */
export type MentoringTie = {
	/** Staff of the organisation that runs it. */
	coordinator: boolean;
	open: boolean;
	applied: boolean;
	/** For pair actions: the actor's place in the pair, if any. */
	inPair?: 'mentor' | 'mentee' | null;
	pairStatus?: 'active' | 'ended' | 'dropped';
};

/**
 * Who may do what in mentoring (docs/decisions/0037). A programme is seen by everyone; members
 * apply once while it is open. Its coordinators (the organisation's staff) read the applications,
 * confirm pairs and see each pair's progress in numbers: sessions, goals met, who left. A pair's
 * page, goals and session notes are the two people's own: the mentee's notes are theirs and their
 * mentor's, never the coordinator's. Both give feedback once the pair has ended; either may leave
 * while it runs.
 */
export function canMentoring(actor: Actor, action: MentoringAction, tie: MentoringTie): boolean {
	const inPair = !!actor && !!tie.inPair;
	switch (action) {
		case 'see':
			return true;
		case 'apply':
			return !!actor && tie.open && !tie.applied;
		case 'coordinate':
			return !!actor && tie.coordinator;
		case 'see-pair':
			return inPair || (!!actor && tie.coordinator);
		case 'read-notes':
			return inPair;
		case 'log':
		case 'leave':
			return inPair && tie.pairStatus === 'active';
		case 'give-feedback':
			return inPair && tie.pairStatus !== 'active';
	}
}
