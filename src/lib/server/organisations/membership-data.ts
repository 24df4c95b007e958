import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { organisation, organisationMember } from './schema.ts';

/** A person's memberships, requests and invitations as their data export shows them. */
export async function membershipsOf(db: Db, userId: string) {
	return db
		.select({
			organisation: organisation.name,
			slug: organisation.slug,
			role: organisationMember.role,
			status: organisationMember.status,
			since: organisationMember.createdAt
		})
		.from(organisationMember)
		.innerJoin(organisation, eq(organisation.id, organisationMember.organisationId))
		.where(eq(organisationMember.userId, userId));
}

/** The organisations this person is the only active admin of: someone must take over first. */
export async function soleAdminOf(db: Db | Tx, userId: string) {
	return db
		.select({ name: organisation.name, slug: organisation.slug })
		.from(organisationMember)
		.innerJoin(organisation, eq(organisation.id, organisationMember.organisationId))
		.where(
			and(
				eq(organisationMember.userId, userId),
				eq(organisationMember.role, 'admin'),
				eq(organisationMember.status, 'active'),
				sql`(select count(*) from organisation_member a where a.organisation_id = ${organisationMember.organisationId} and a.role = 'admin' and a.status = 'active') = 1`
			)
		);
}
