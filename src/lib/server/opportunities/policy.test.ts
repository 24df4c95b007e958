import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/policy.ts';
import { canSkills } from '../skills/policy.ts';
import { canOpportunity, type OpportunityAction, type OpportunityTie } from './policy.ts';

const member: Actor = { id: 'm', roles: ['member'] };
const moderator: Actor = { id: 'mod', roles: ['member', 'moderator'] };
const tie = (t: Partial<OpportunityTie>): OpportunityTie => ({
	poster: false,
	held: false,
	open: true,
	applied: false,
	...t
});

describe('who may do what with an opportunity', () => {
	const rows: [string, Actor, OpportunityAction, OpportunityTie, boolean][] = [
		['anyone sees a published post', null, 'see', tie({}), true],
		['a post waiting for review is not seen by others', member, 'see', tie({ held: true }), false],
		['its poster sees it while it waits', member, 'see', tie({ held: true, poster: true }), true],
		['moderators see it while it waits', moderator, 'see', tie({ held: true }), true],
		['a visitor does not apply', null, 'apply', tie({}), false],
		['a member applies', member, 'apply', tie({}), true],
		['once', member, 'apply', tie({ applied: true }), false],
		['not to their own post', member, 'apply', tie({ poster: true }), false],
		['not once closed', member, 'apply', tie({ open: false }), false],
		['not while it waits', member, 'apply', tie({ held: true }), false],
		[
			'the applicants are for the poster’s side',
			member,
			'see-applications',
			tie({ poster: true }),
			true
		],
		['not for another applicant', member, 'see-applications', tie({ applied: true }), false],
		['not for a moderator', moderator, 'see-applications', tie({}), false],
		['the poster’s side decides', member, 'decide', tie({ poster: true }), true],
		[
			'an applicant does not decide',
			member,
			'decide',
			tie({ applicant: true, applied: true }),
			false
		],
		[
			'the applicant reads their own application',
			member,
			'see-application',
			tie({ applicant: true }),
			true
		],
		['another member does not', member, 'see-application', tie({}), false],
		['the poster’s side writes to an applicant', member, 'message', tie({ poster: true }), true],
		['the applicant writes back', member, 'message', tie({ applicant: true }), true],
		['nobody else writes there', moderator, 'message', tie({}), false],
		['the applicant withdraws', member, 'withdraw', tie({ applicant: true }), true],
		['the poster does not withdraw it for them', member, 'withdraw', tie({ poster: true }), false],
		['the poster’s side closes the post', member, 'close', tie({ poster: true }), true],
		['nobody else closes it', moderator, 'close', tie({}), false],
		['a member reports a published post', member, 'report', tie({}), true],
		['not their own', member, 'report', tie({ poster: true }), false],
		['not one that waits', member, 'report', tie({ held: true }), false],
		['not a visitor', null, 'report', tie({}), false],
		['a moderator’s post is published at once', moderator, 'publish-at-once', tie({}), true],
		['a member’s waits', member, 'publish-at-once', tie({}), false]
	];
	it.each(rows)('%s', (_why, actor, action, t, expected) => {
		expect(canOpportunity(actor, action, t)).toBe(expected);
	});
});

describe('who reads a skills profile', () => {
	const rows: [string, Actor, Parameters<typeof canSkills>[2], boolean][] = [
		['its owner', member, { owner: true }, true],
		['someone they applied to with it', member, { owner: false, sharedWith: true }, true],
		['an adviser the person let fill it with them', member, { owner: false, delegate: true }, true],
		['nobody else', member, { owner: false }, false],
		['not a visitor, even shared', null, { owner: false, sharedWith: true }, false]
	];
	it.each(rows)('%s', (_why, actor, t, expected) => {
		expect(canSkills(actor, 'see', t)).toBe(expected);
	});
	it('its owner edits it, and an adviser they let; not whom they applied to', () => {
		expect(canSkills(member, 'edit', { owner: true })).toBe(true);
		expect(canSkills(member, 'edit', { owner: false, delegate: true })).toBe(true);
		expect(canSkills(member, 'edit', { owner: false, sharedWith: true })).toBe(false);
		expect(canSkills(null, 'edit', { owner: false, delegate: true })).toBe(false);
	});
});
