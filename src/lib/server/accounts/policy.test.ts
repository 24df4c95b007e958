import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '#lib/accounts/roles.ts';
import { can, type Action, type Actor } from './policy.ts';

const actions: Action[] = [
	'account.manage-own',
	'admin.view',
	'admin.manage-roles',
	'admin.manage-settings',
	'admin.read-outbox',
	'admin.read-audit'
];

function actor(...roles: Role[]): Actor {
	return { id: 'u1', roles: ['member', ...roles] };
}

describe('accounts policy', () => {
	it('refuses everything to a visitor', () => {
		for (const action of actions) expect(can(null, action)).toBe(false);
	});

	const table: [string, Action, boolean, Actor][] = [];
	for (const role of ROLES) {
		for (const action of actions) {
			const expected = action === 'account.manage-own' || role === 'administrator';
			table.push([role, action, expected, actor(role)]);
		}
	}
	it.each(table)('%s may %s: %s', (_role, action, expected, who) => {
		expect(can(who, action)).toBe(expected);
	});
});
