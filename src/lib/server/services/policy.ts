import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/policy.ts';
import type { Db } from '../db/client.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';

export type ServiceAction = 'view' | 'edit' | 'curate';

/** Curators review what providers write; moderators and administrators hold the role. */
export function isCurator(actor: Actor) {
	return !!actor && (actor.roles.includes('moderator') || actor.roles.includes('administrator'));
}

/**
 * Who may do what with a service. The public sees published services of approved organisations;
 * the organisation's active members (its staff) edit them; curators see and review everything.
 */
export function canService(
	actor: Actor,
	action: ServiceAction,
	svc: { published: boolean; organisationStatus: string },
	staff: boolean
): boolean {
	switch (action) {
		case 'view':
			return (svc.published && svc.organisationStatus === 'approved') || staff || isCurator(actor);
		case 'edit':
			return staff;
		case 'curate':
			return isCurator(actor);
	}
}

/** Is the actor an active member (staff) of the organisation? */
export async function isStaff(db: Db, actor: Actor, organisationId: string) {
	if (!actor) return false;
	const [row] = await db
		.select({ status: organisationMember.status })
		.from(organisationMember)
		.where(
			and(
				eq(organisationMember.organisationId, organisationId),
				eq(organisationMember.userId, actor.id),
				eq(organisationMember.status, 'active')
			)
		);
	return !!row;
}

/** The approved organisations the actor works for (to manage services or to refer from). */
export async function staffOrganisations(db: Db, actor: Actor) {
	if (!actor) return [];
	return db
		.select({ id: organisation.id, name: organisation.name, slug: organisation.slug })
		.from(organisationMember)
		.innerJoin(organisation, eq(organisation.id, organisationMember.organisationId))
		.where(
			and(
				eq(organisationMember.userId, actor.id),
				eq(organisationMember.status, 'active'),
				eq(organisation.status, 'approved')
			)
		)
		.orderBy(organisation.name);
}
