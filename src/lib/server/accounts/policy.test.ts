import { describe, expect, it } from 'vitest';
import type { Role } from '#lib/accounts/roles.ts';
import { can, type Action, type Actor } from './policy.ts';

const ACTORS: Record<string, Actor> = {
	visitor: null,
	member: { id: 'm', roles: ['member'] },
	moderator: { id: 'c', roles: ['member', 'moderator'] },
	administrator: { id: 'a', roles: ['member', 'administrator'] },
	// Roles add up: an administrator who also moderates is still an administrator.
	both: { id: 'b', roles: ['member', 'moderator', 'administrator'] as Role[] }
};

// Written out by hand: each answer is what the product promises, not what the code computes.
// prettier-ignore
const TABLE: [keyof typeof ACTORS, Action, boolean][] = [
	['visitor', 'account.manage-own', false], ['visitor', 'admin.view', false],
	['visitor', 'admin.manage-roles', false], ['visitor', 'admin.manage-settings', false],
	['visitor', 'admin.read-outbox', false], ['visitor', 'admin.read-audit', false],
	['member', 'account.manage-own', true], ['member', 'admin.view', false],
	['member', 'admin.manage-roles', false], ['member', 'admin.manage-settings', false],
	['member', 'admin.read-outbox', false], ['member', 'admin.read-audit', false],
	['moderator', 'account.manage-own', true], ['moderator', 'admin.view', false],
	['moderator', 'admin.manage-roles', false], ['moderator', 'admin.manage-settings', false],
	['moderator', 'admin.read-outbox', false], ['moderator', 'admin.read-audit', false],
	['administrator', 'account.manage-own', true], ['administrator', 'admin.view', true],
	['administrator', 'admin.manage-roles', true], ['administrator', 'admin.manage-settings', true],
	['administrator', 'admin.read-outbox', true], ['administrator', 'admin.read-audit', true],
	['both', 'admin.manage-roles', true], ['both', 'account.manage-own', true]
];

describe('accounts policy', () => {
	it.each(TABLE)('%s · %s → %s', (who, action, expected) => {
		expect(can(ACTORS[who], action)).toBe(expected);
	});
});
