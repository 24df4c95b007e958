import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/policy.ts';
import { APPEAL_DAYS, canAppeal, canModerate, type ModerationAction } from './policy.ts';

const member: Actor = { id: 'm', roles: ['member'] };
const moderator: Actor = { id: 'mod', roles: ['member', 'moderator'] };
const admin: Actor = { id: 'a', roles: ['member', 'administrator'] };
const none = { ownContent: false, madeDecision: false };
const own = { ownContent: true, madeDecision: false };
const made = { ownContent: false, madeDecision: true };

describe('who moderates', () => {
	const rows: [string, Actor, ModerationAction, typeof none, boolean][] = [
		['a visitor reads no queue', null, 'queue.read', none, false],
		['a member reads no queue', member, 'queue.read', none, false],
		['a member decides nothing', member, 'case.decide', none, false],
		['a moderator reads the queue', moderator, 'queue.read', none, true],
		['an administrator reads the queue', admin, 'queue.read', none, true],
		['a moderator decides a case', moderator, 'case.decide', none, true],
		['nobody decides about their own content', moderator, 'case.decide', own, false],
		['an administrator neither', admin, 'case.decide', own, false],
		['a second moderator answers an appeal', moderator, 'appeal.decide', none, true],
		['not the one who decided', moderator, 'appeal.decide', made, false],
		['not about their own content', admin, 'appeal.decide', own, false]
	];
	it.each(rows)('%s', (_, actor, action, tie, expected) => {
		expect(canModerate(actor, action, tie)).toBe(expected);
	});
});

describe('who appeals', () => {
	const now = new Date('2026-12-03T12:00:00Z');
	const decidedAt = new Date('2026-12-01T12:00:00Z');
	const tie = { author: true, appealable: true, appealed: false, decidedAt };
	const rows: [string, Actor, Partial<typeof tie>, boolean][] = [
		['the author, once', member, {}, true],
		['not a visitor', null, {}, false],
		['not someone else', member, { author: false }, false],
		['not twice', member, { appealed: true }, false],
		[
			'not a decision without consequence (no action, restore)',
			member,
			{ appealable: false },
			false
		],
		[
			'not after the appeal period',
			member,
			{ decidedAt: new Date(now.getTime() - (APPEAL_DAYS + 1) * 86_400_000) },
			false
		]
	];
	it.each(rows)('%s', (_, actor, change, expected) => {
		expect(canAppeal(actor, { ...tie, ...change }, now)).toBe(expected);
	});
});
