import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember } from './schema.ts';
import { canOrg, type Membership, type OrgAction } from './policy.ts';

export type OrganisationRef = { id: string } | { slug: string };

/** An organisation as every access check sees it, with what the actor is to it. */
export type OrganisationAccess = {
	organisation: { id: string; name: string; slug: string; status: string };
	membership: Membership | null;
	/** The policy's answer for this actor and this organisation (organisations/policy.ts). */
	may: (action: OrgAction) => boolean;
};

function refWhere(ref: OrganisationRef): SQL | null {
	const value = 'id' in ref ? ref.id : ref.slug;
	if (!value || value.length > 120) return null;
	return 'id' in ref ? eq(organisation.id, ref.id) : eq(organisation.slug, ref.slug);
}

/**
 * What this actor may do in this organisation: the one way every module asks (services, referrals,
 * memberships, invitations, pages). One query reads the organisation and the actor's tie to it;
 * null when there is no such organisation.
 */
export async function organisationAccess(
	db: Db | Tx,
	actor: Actor,
	ref: OrganisationRef
): Promise<OrganisationAccess | null> {
	const where = refWhere(ref);
	if (!where) return null;
	const [row] = await db
		.select({
			id: organisation.id,
			name: organisation.name,
			slug: organisation.slug,
			status: organisation.status,
			role: organisationMember.role,
			memberStatus: organisationMember.status
		})
		.from(organisation)
		.leftJoin(
			organisationMember,
			and(
				eq(organisationMember.organisationId, organisation.id),
				eq(organisationMember.userId, actor?.id ?? '')
			)
		)
		.where(where);
	if (!row) return null;
	const { role, memberStatus, ...org } = row;
	const membership = actor && role && memberStatus ? { role, status: memberStatus } : null;
	return {
		organisation: org,
		membership,
		may: (action) => canOrg(actor, action, org, membership)
	};
}

/**
 * The organisation behind a staff page (its services, places, referrals), when the actor works
 * there; null otherwise, which pages answer with 404 so that nothing is revealed.
 */
export async function staffOrganisation(db: Db, actor: Actor, slug: string) {
	const access = await organisationAccess(db, actor, { slug });
	return access?.may('work') ? access.organisation : null;
}

/** Of these organisations (or of all), the ids of those the actor works in. */
export async function workplaceIds(db: Db | Tx, actor: Actor, among?: string[]) {
	if (!actor || (among && !among.length)) return new Set<string>();
	const rows = await db
		.select({ id: organisationMember.organisationId })
		.from(organisationMember)
		.where(
			and(
				eq(organisationMember.userId, actor.id),
				eq(organisationMember.status, 'active'),
				among ? inArray(organisationMember.organisationId, among) : undefined
			)
		);
	return new Set(rows.map((r) => r.id));
}

/** The approved organisations the actor works in (to manage services or to refer from). */
export async function workplaces(db: Db, actor: Actor) {
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

/** Does the actor work in this organisation (its active staff)? */
export async function worksIn(db: Db | Tx, actor: Actor, organisationId: string) {
	return (await workplaceIds(db, actor, [organisationId])).has(organisationId);
}
