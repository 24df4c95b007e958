import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { service } from '../services/schema.ts';
import { referral } from './schema.ts';
import type { Tx } from '../db/types.ts';

/** The referrals made for a person, with what was shared about them, for their data export. */
export async function referralsAboutPerson(db: Db, userId: string) {
	const fromOrg = alias(organisation, 'from_org');
	const toOrg = alias(organisation, 'to_org');
	const rows = await db
		.select({
			id: referral.id,
			service: service.name,
			from: fromOrg.name,
			to: toOrg.name,
			status: referral.status,
			outcome: referral.outcome,
			shared: referral.person,
			consent: referral.consent,
			createdAt: referral.createdAt,
			acceptedAt: referral.acceptedAt,
			closedAt: referral.closedAt
		})
		.from(referral)
		.innerJoin(service, eq(service.id, referral.serviceId))
		.innerJoin(fromOrg, eq(fromOrg.id, referral.fromOrganisationId))
		.innerJoin(toOrg, eq(toOrg.id, referral.toOrganisationId))
		.where(eq(referral.personUserId, userId));
	return rows.map(({ consent, ...r }) => ({
		...r,
		consent: {
			shared: consent.shared,
			purpose: consent.purpose,
			method: consent.method,
			recordedAt: consent.recordedAt
		}
	}));
}

/**
 * On erasure a referral's history stays with the two organisations (what was done, when), but
 * no longer says who it was about: the shared record is emptied and the account unlinked.
 * Call inside the erasure's transaction, before the account row is deleted.
 */
export async function anonymiseReferralsOf(tx: Tx, userId: string) {
	await tx
		.update(referral)
		.set({ person: { name: '' }, personUserId: null })
		.where(eq(referral.personUserId, userId));
}
