import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { memberProfile } from '../members/schema.ts';
import { organisation, organisationMember } from './schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { organisationAccess } from './access.ts';
import { invitationsFor, pendingInvitations } from './invitations.ts';

/**
 * An organisation's page. Everyone sees its public members (people whose profile is public); members
 * also see members-only profiles; its admins see every membership and request, and the contacts they
 * invited (never the account behind one). Someone invited sees their invitation, to accept or decline.
 */
export async function getOrganisation(db: Db, actor: Actor, slug: string) {
	const access = await organisationAccess(db, actor, { slug });
	if (!access?.may('view')) return null;
	const { membership } = access;
	const manage = access.may('manage');
	const [org] = await db.select().from(organisation).where(eq(organisation.slug, slug));
	if (!org) return null;
	const listed: ('public' | 'members' | 'nobody')[] = manage
		? ['public', 'members', 'nobody']
		: actor
			? ['public', 'members']
			: ['public'];
	const people = await db
		.select({
			id: user.id,
			name: user.name,
			role: organisationMember.role,
			status: organisationMember.status,
			listed: memberProfile.listed
		})
		.from(organisationMember)
		.innerJoin(user, eq(user.id, organisationMember.userId))
		.leftJoin(memberProfile, eq(memberProfile.userId, organisationMember.userId))
		.where(
			and(
				eq(organisationMember.organisationId, org.id),
				manage ? undefined : eq(organisationMember.status, 'active'),
				manage ? undefined : inArray(memberProfile.listed, listed)
			)
		)
		.orderBy(asc(user.name));
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
			logo: org.logo
				? { version: org.logo.version, width: org.logo.width, height: org.logo.height }
				: null,
			descriptionHtml: renderMarkdown(org.description)
		},
		members: people.map((p) => ({
			id: p.id,
			name: p.name,
			role: p.role,
			status: p.status,
			// Admins see every membership; only listed profiles link to a page.
			linkable: p.listed === 'public' || (!!actor && p.listed === 'members')
		})),
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
