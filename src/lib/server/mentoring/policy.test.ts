import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/policy.ts';
import { canMentoring, type MentoringAction, type MentoringTie } from './policy.ts';

const member: Actor = { id: 'm', roles: ['member'] };
const admin: Actor = { id: 'a', roles: ['member', 'administrator'] };
const tie = (t: Partial<MentoringTie>): MentoringTie => ({
	coordinator: false,
	open: true,
	applied: false,
	...t
});
const pair = (inPair: MentoringTie['inPair'], status: MentoringTie['pairStatus'] = 'active') =>
	tie({ inPair, pairStatus: status, applied: true });

describe('who may do what in mentoring', () => {
	const rows: [string, Actor, MentoringAction, MentoringTie, boolean][] = [
		['anyone reads a programme', null, 'see', tie({}), true],
		['a member applies while it is open', member, 'apply', tie({}), true],
		['once', member, 'apply', tie({ applied: true }), false],
		['not once it ended', member, 'apply', tie({ open: false }), false],
		['a visitor does not apply', null, 'apply', tie({}), false],
		['its staff coordinate', member, 'coordinate', tie({ coordinator: true }), true],
		['nobody else, not even a platform administrator', admin, 'coordinate', tie({}), false],
		['the mentor sees the pair', member, 'see-pair', pair('mentor'), true],
		['the mentee sees the pair', member, 'see-pair', pair('mentee'), true],
		[
			'the coordinator sees the pair’s progress',
			member,
			'see-pair',
			tie({ coordinator: true }),
			true
		],
		['another member does not', member, 'see-pair', tie({ applied: true }), false],
		['the mentee reads the session notes', member, 'read-notes', pair('mentee'), true],
		['so does their mentor', member, 'read-notes', pair('mentor'), true],
		['not the coordinator', member, 'read-notes', tie({ coordinator: true }), false],
		['not an administrator', admin, 'read-notes', tie({}), false],
		['the two log sessions while it runs', member, 'log', pair('mentee'), true],
		['not once it ended', member, 'log', pair('mentor', 'ended'), false],
		['the coordinator does not log for them', member, 'log', tie({ coordinator: true }), false],
		['either may leave while it runs', member, 'leave', pair('mentee'), true],
		['feedback once it ended', member, 'give-feedback', pair('mentee', 'ended'), true],
		['or after one left', member, 'give-feedback', pair('mentor', 'dropped'), true],
		['not while it runs', member, 'give-feedback', pair('mentee'), false],
		['not from outside the pair', member, 'give-feedback', tie({ coordinator: true }), false]
	];
	it.each(rows)('%s', (_why, actor, action, t, expected) => {
		expect(canMentoring(actor, action, t)).toBe(expected);
	});
});
