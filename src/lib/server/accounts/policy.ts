import type { Role } from '#lib/accounts/roles.ts';

export type Actor = { id: string; roles: readonly Role[] } | null;

export type Action =
	| 'account.manage-own'
	| 'admin.view'
	| 'admin.manage-roles'
	| 'admin.manage-settings'
	| 'admin.read-outbox'
	| 'admin.read-audit';

const adminOnly: readonly Action[] = [
	'admin.view',
	'admin.manage-roles',
	'admin.manage-settings',
	'admin.read-outbox',
	'admin.read-audit'
];

/** Who may do what. Every check goes through here so the table test covers it all. */
export function can(actor: Actor, action: Action): boolean {
	if (!actor) return false;
	if (action === 'account.manage-own') return true;
	if (adminOnly.includes(action)) return actor.roles.includes('administrator');
	return false;
}
