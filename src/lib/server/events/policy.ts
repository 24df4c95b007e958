import type { Actor } from '../accounts/policy.ts';

export type EventAction =
	'see' | 'register' | 'cancel-registration' | 'see-online-link' | 'see-attendees' | 'edit';

/** What the actor is to one event (access.ts `eventAccess`). */
export type EventTie = {
	/** Its creator, staff of its organisation, or a moderator of its community. */
	organiser: boolean;
	/** For a community's event: whether the actor may read that community; null for no community. */
	communityReader: boolean | null;
	/** Moderators hid it. */
	held: boolean;
	status: 'published' | 'cancelled';
	registration: 'registered' | 'waiting' | null;
	/** It has started. */
	started: boolean;
};

/**
 * Who may do what with an event (docs/decisions/0024). An event of a community is for those who
 * may read that community; one moderators hid is seen by its organisers only. People register
 * before it starts, once (registered, or waiting when it is full); the online link is for the
 * registered and the organisers; the list of attendees is for the organisers.
 */
export function canEvent(actor: Actor, action: EventAction, tie: EventTie): boolean {
	const visible = tie.organiser || (tie.communityReader !== false && !tie.held);
	switch (action) {
		case 'see':
			return visible;
		case 'register':
			return !!actor && visible && tie.status === 'published' && !tie.started && !tie.registration;
		case 'cancel-registration':
			return !!actor && !!tie.registration && !tie.started;
		case 'see-online-link':
			return !!actor && (tie.organiser || tie.registration === 'registered');
		case 'see-attendees':
			return !!actor && tie.organiser;
		case 'edit':
			return !!actor && tie.organiser && !tie.started;
	}
}
