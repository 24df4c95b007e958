import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/policy.ts';
import { canEvent, type EventAction, type EventTie } from './policy.ts';

const member: Actor = { id: 'm', roles: ['member'] };
const tie = (t: Partial<EventTie>): EventTie => ({
	organiser: false,
	communityReader: null,
	held: false,
	status: 'published',
	registration: null,
	started: false,
	...t
});

describe('who may do what with an event', () => {
	const rows: [string, Actor, EventAction, EventTie, boolean][] = [
		['anyone sees a public event', null, 'see', tie({}), true],
		['a visitor does not register', null, 'register', tie({}), false],
		['a member registers', member, 'register', tie({}), true],
		['once', member, 'register', tie({ registration: 'waiting' }), false],
		['not once it started', member, 'register', tie({ started: true }), false],
		['not when cancelled', member, 'register', tie({ status: 'cancelled' }), false],
		[
			'a community’s event is for its readers',
			member,
			'see',
			tie({ communityReader: false }),
			false
		],
		['who read it see it', member, 'see', tie({ communityReader: true }), true],
		['a hidden event is gone for others', member, 'see', tie({ held: true }), false],
		['its organisers still see it', member, 'see', tie({ held: true, organiser: true }), true],
		[
			'the online link is for the registered',
			member,
			'see-online-link',
			tie({ registration: 'registered' }),
			true
		],
		['not for those waiting', member, 'see-online-link', tie({ registration: 'waiting' }), false],
		['organisers have it', member, 'see-online-link', tie({ organiser: true }), true],
		['attendees are for organisers', member, 'see-attendees', tie({ organiser: true }), true],
		[
			'not for those registered',
			member,
			'see-attendees',
			tie({ registration: 'registered' }),
			false
		],
		[
			'a registered person cancels before it starts',
			member,
			'cancel-registration',
			tie({ registration: 'registered' }),
			true
		],
		[
			'not after',
			member,
			'cancel-registration',
			tie({ registration: 'registered', started: true }),
			false
		],
		['organisers edit before it starts', member, 'edit', tie({ organiser: true }), true],
		['not after', member, 'edit', tie({ organiser: true, started: true }), false],
		['others never', member, 'edit', tie({}), false]
	];
	it.each(rows)('%s', (_, actor, action, t, expected) => {
		expect(canEvent(actor, action, t)).toBe(expected);
	});
});
