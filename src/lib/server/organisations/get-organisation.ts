import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember } from './schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { organisationPeople } from '../members/organisation-people.ts';
import { organisationAccess } from './access.ts';
import { invitationsFor, pendingInvitations } from './invitations.ts';

/**
 * An organisation's page, with the people it lists (the members module decides whom a viewer sees:
 * members/organisation-people.ts). Its admins see every membership and request, and the contacts they invited
 * (never the account behind one). Someone invited sees their invitation, to accept or decline.
 */
export async function getOrganisation(db: Db, actor: Actor, slug: string) {
	const access = await organisationAccess(db, actor, { slug });
	if (!access?.may('view')) return null;
	const { membership } = access;
	const manage = access.may('manage');
	const [org] = await db.select().from(organisation).where(eq(organisation.slug, slug));
	if (!org) return null;
	// Every tie for its managers (requests and invitations too); active members for everyone else.
	const ties = await db
		.select({
			userId: organisationMember.userId,
			role: organisationMember.role,
			status: organisationMember.status
		})
		.from(organisationMember)
		.where(
			and(
				eq(organisationMember.organisationId, org.id),
				manage ? undefined : eq(organisationMember.status, 'active')
			)
		);
	return {
		organisation: {
			id: org.id,
			slug: org.slug,
			name: org.name,
			kind: org.kind,
			status: org.status,
			countries: org.countries,
			sectors: org.sectors,
			website: org.website,
			contentLocale: org.contentLocale,
			demo: org.demo,
			logo: org.logo
				? { version: org.logo.version, width: org.logo.width, height: org.logo.height }
				: null,
			descriptionHtml: renderMarkdown(org.description),
			// Why it was not approved: for its managers and those who review organisations.
			reviewNote:
				org.status === 'rejected' && (manage || access.may('approve')) ? org.reviewNote : null
		},
		members: await organisationPeople(db, actor, ties, { manage }),
		membership: membership ? { role: membership.role, status: membership.status } : null,
		invitations: manage
			? (await pendingInvitations(db, org.id)).map((i) => ({
					id: i.id,
					contact: i.contact,
					expiresAt: i.expiresAt.toISOString()
				}))
			: [],
		myInvitation:
			membership?.status === 'active'
				? null
				: ((await invitationsFor(db, actor)).find((i) => i.organisationId === org.id)?.id ?? null),
		canManage: manage,
		canInvite: access.may('invite'),
		canApprove: access.may('approve'),
		canRequest: access.may('request-join') || membership?.status === 'invited'
	};
}

export async function pendingOrganisations(db: Db, actor: Actor) {
	if (!actor?.roles.includes('administrator')) return null;
	return db
		.select({
			id: organisation.id,
			slug: organisation.slug,
			name: organisation.name,
			kind: organisation.kind
		})
		.from(organisation)
		.where(eq(organisation.status, 'pending'))
		.orderBy(organisation.createdAt);
}

/** An organisation's slug from its id (the API takes either). */
export async function slugForId(db: Db, id: string) {
	const [row] = await db
		.select({ slug: organisation.slug })
		.from(organisation)
		.where(eq(organisation.id, id));
	return row?.slug ?? null;
}
