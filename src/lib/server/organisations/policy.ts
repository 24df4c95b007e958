import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisationMember } from '../members/schema.ts';

export type OrgAction = 'view' | 'manage' | 'approve' | 'request-join';

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
 * their admins and the platform's administrators.
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
		case 'approve':
			return platformAdmin;
		case 'request-join':
			return !!actor && org.status === 'approved' && !membership;
	}
}
