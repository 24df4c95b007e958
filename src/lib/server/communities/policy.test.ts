import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/policy.ts';
import { canCommunity, type CommunityAction, type CommunityTie } from './policy.ts';

const member: Actor = { id: 'm', roles: ['member'] };
const platformMod: Actor = { id: 'p', roles: ['member', 'moderator'] };
const tie = (t: Partial<CommunityTie>): CommunityTie => ({
	visibility: 'public',
	role: null,
	invited: false,
	platformModerator: false,
	...t
});

describe('who may do what in a community', () => {
	const rows: [string, Actor, CommunityAction, CommunityTie, boolean][] = [
		['a visitor sees a public community', null, 'see', tie({}), true],
		['a visitor reads a public community', null, 'read', tie({}), true],
		['a visitor does not post', null, 'post', tie({}), false],
		['a visitor cannot join', null, 'join', tie({}), false],
		['a member joins a public community', member, 'join', tie({}), true],
		['an outsider does not post', member, 'post', tie({}), false],
		['a member of it posts', member, 'post', tie({ role: 'member' }), true],
		['a members-only community is listed', null, 'see', tie({ visibility: 'members' }), true],
		['its threads are not for visitors', null, 'read', tie({ visibility: 'members' }), false],
		['nor for members outside it', member, 'read', tie({ visibility: 'members' }), false],
		['anyone signed in may join it', member, 'join', tie({ visibility: 'members' }), true],
		['its members read it', member, 'read', tie({ visibility: 'members', role: 'member' }), true],
		[
			'an invite-only community is unknown outside',
			member,
			'see',
			tie({ visibility: 'invite' }),
			false
		],
		['and to visitors', null, 'see', tie({ visibility: 'invite' }), false],
		['one cannot join it uninvited', member, 'join', tie({ visibility: 'invite' }), false],
		[
			'the invitation link shows it',
			member,
			'see',
			tie({ visibility: 'invite', invited: true }),
			true
		],
		['and lets one join', member, 'join', tie({ visibility: 'invite', invited: true }), true],
		[
			'but not read before joining',
			member,
			'read',
			tie({ visibility: 'invite', invited: true }),
			false
		],
		[
			'platform moderators see it',
			platformMod,
			'see',
			tie({ visibility: 'invite', platformModerator: true }),
			true
		],
		[
			'and read it, to moderate',
			platformMod,
			'read',
			tie({ visibility: 'invite', platformModerator: true }),
			true
		],
		[
			'but do not post without joining',
			platformMod,
			'post',
			tie({ visibility: 'invite', platformModerator: true }),
			false
		],
		['a member is not a moderator', member, 'moderate', tie({ role: 'member' }), false],
		['its moderators moderate', member, 'moderate', tie({ role: 'moderator' }), true],
		['a public community has a feed', null, 'feed', tie({}), true],
		['a members-only one has none', null, 'feed', tie({ visibility: 'members' }), false],
		['a member leaves', member, 'leave', tie({ role: 'member' }), true],
		['an outsider has nothing to leave', member, 'leave', tie({}), false]
	];
	it.each(rows)('%s', (_, actor, action, t, expected) => {
		expect(canCommunity(actor, action, t)).toBe(expected);
	});
});
