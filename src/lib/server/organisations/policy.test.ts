import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/policy.ts';
import { canOrg, changeApplies, type Membership, type OrgAction } from './policy.ts';

const person: Actor = { id: 'p', roles: ['member'] };
const ACTORS: Record<string, { actor: Actor; tie: Membership | null }> = {
	visitor: { actor: null, tie: null },
	member: { actor: person, tie: null },
	requested: { actor: person, tie: { role: 'member', status: 'requested' } },
	invited: { actor: person, tie: { role: 'member', status: 'invited' } },
	staff: { actor: person, tie: { role: 'member', status: 'active' } },
	'org-admin': { actor: person, tie: { role: 'admin', status: 'active' } },
	// An admin role not yet taken up (an old invitation as admin) gives nothing.
	'invited-admin': { actor: person, tie: { role: 'admin', status: 'invited' } },
	moderator: { actor: { id: 'c', roles: ['member', 'moderator'] }, tie: null },
	administrator: { actor: { id: 'a', roles: ['member', 'administrator'] }, tie: null }
};

// Written out by hand, one row per actor × action × organisation state.
// prettier-ignore
const TABLE: [string, OrgAction, 'approved' | 'pending', boolean][] = [
	['visitor', 'view', 'approved', true], ['visitor', 'view', 'pending', false],
	['visitor', 'manage', 'approved', false], ['visitor', 'invite', 'approved', false],
	['visitor', 'approve', 'pending', false], ['visitor', 'request-join', 'approved', false],
	['visitor', 'work', 'approved', false],
	['member', 'view', 'approved', true], ['member', 'view', 'pending', false],
	['member', 'manage', 'approved', false], ['member', 'invite', 'approved', false],
	['member', 'approve', 'pending', false], ['member', 'request-join', 'approved', true],
	['member', 'request-join', 'pending', false], ['member', 'work', 'approved', false],
	['requested', 'request-join', 'approved', false], ['requested', 'work', 'approved', false],
	['requested', 'manage', 'approved', false],
	['invited', 'request-join', 'approved', false], ['invited', 'work', 'approved', false],
	['invited', 'view', 'pending', false],
	['staff', 'view', 'approved', true], ['staff', 'view', 'pending', false],
	['staff', 'manage', 'approved', false], ['staff', 'invite', 'approved', false],
	['staff', 'approve', 'pending', false], ['staff', 'request-join', 'approved', false],
	['staff', 'work', 'approved', true], ['staff', 'work', 'pending', true],
	['org-admin', 'view', 'pending', true], ['org-admin', 'manage', 'approved', true],
	['org-admin', 'manage', 'pending', true], ['org-admin', 'invite', 'approved', true],
	['org-admin', 'invite', 'pending', false], ['org-admin', 'approve', 'pending', false],
	['org-admin', 'work', 'approved', true],
	['invited-admin', 'manage', 'approved', false], ['invited-admin', 'view', 'pending', false],
	['invited-admin', 'work', 'approved', false],
	['moderator', 'view', 'pending', false], ['moderator', 'manage', 'approved', false],
	['moderator', 'approve', 'pending', false], ['moderator', 'work', 'approved', false],
	['administrator', 'view', 'pending', true], ['administrator', 'manage', 'approved', true],
	['administrator', 'invite', 'approved', true], ['administrator', 'invite', 'pending', false],
	['administrator', 'approve', 'pending', true], ['administrator', 'request-join', 'approved', true],
	['administrator', 'work', 'approved', false]
];

describe('who may do what with an organisation', () => {
	it.each(TABLE)('%s · %s · %s → %s', (who, action, status, expected) => {
		const { actor, tie } = ACTORS[who];
		expect(canOrg(actor, action, { status }, tie)).toBe(expected);
	});

	// prettier-ignore
	const CHANGES: [Parameters<typeof changeApplies>[0], string, boolean][] = [
		['accept', 'requested', true], ['accept', 'invited', false], ['accept', 'active', false],
		['make-admin', 'active', true], ['make-admin', 'requested', false], ['make-admin', 'invited', false],
		['make-member', 'active', true], ['make-member', 'invited', false],
		['remove', 'active', true], ['remove', 'requested', true], ['remove', 'invited', true]
	];
	it.each(CHANGES)('an admin may %s a membership that is %s → %s', (change, status, expected) => {
		expect(changeApplies(change, { status })).toBe(expected);
	});
});
