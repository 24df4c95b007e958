import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisationMember } from './schema.ts';

export type OrgAction = 'view' | 'manage' | 'invite' | 'approve' | 'request-join';

/** What an actor is to an organisation, read once per request. */
export async function membershipOf(db: Db, actor: Actor, organisationId: string) {
	if (!actor) return null;
	const [row] = await db
		.select({ role: organisationMember.role, status: organisationMember.status })
		.from(organisationMember)
		.where(
			and(
				eq(organisationMember.organisationId, organisationId),
				eq(organisationMember.userId, actor.id)
			)
		);
	return row ?? null;
}

/**
 * Who may do what with an organisation. Pending or rejected organisations are visible only to
 * their admins and the platform's administrators, and cannot invite anyone.
 */
export function canOrg(
	actor: Actor,
	action: OrgAction,
	org: { status: string },
	membership: { role: string; status: string } | null
): boolean {
	const platformAdmin = !!actor?.roles.includes('administrator');
	const orgAdmin = membership?.status === 'active' && membership.role === 'admin';
	switch (action) {
		case 'view':
			return org.status === 'approved' || platformAdmin || orgAdmin;
		case 'manage':
			return orgAdmin || platformAdmin;
		case 'invite':
			return (orgAdmin || platformAdmin) && org.status === 'approved';
		case 'approve':
			return platformAdmin;
		case 'request-join':
			return !!actor && org.status === 'approved' && !membership;
	}
}

/**
 * Membership changes an admin may make to someone's membership. Each tie needs the person's own
 * action: an admin accepts only a request, changes the role only of an active member, and can only
 * withdraw an invitation (docs/decisions/0010).
 */
export type MembershipChange = 'accept' | 'make-admin' | 'make-member' | 'remove';

export function changeApplies(change: MembershipChange, target: { status: string }) {
	switch (change) {
		case 'accept':
			return target.status === 'requested';
		case 'make-admin':
		case 'make-member':
			return target.status === 'active';
		case 'remove':
			return true;
	}
}
