import type { Actor } from '../accounts/policy.ts';

/**
 * What someone may do with an organisation: see it, manage it (members, invitations, logo),
 * invite, approve it (the platform), ask to join, and work in it (its staff: services, places,
 * referrals sent and received).
 */
export type OrgAction = 'view' | 'manage' | 'invite' | 'approve' | 'request-join' | 'work';

/** An actor's tie to an organisation: asked, invited, or active, as an admin or a member. */
export type Membership = { role: string; status: string };

/**
 * The table. Pending or rejected organisations are visible only to
 * their admins and the platform's administrators, and cannot invite anyone.
 */
export function canOrg(
	actor: Actor,
	action: OrgAction,
	org: { status: string },
	membership: Membership | null
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
		case 'work':
			return !!actor && membership?.status === 'active';
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
