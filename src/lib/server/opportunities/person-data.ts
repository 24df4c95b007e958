import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { applicationsOfPerson } from './applications.ts';
import { opportunity } from './schema.ts';

/** For export: what a person posted, applied to, and wrote about their applications. */
export async function opportunitiesOfPerson(db: Db, userId: string) {
	const posted = await db
		.select({
			id: opportunity.id,
			type: opportunity.type,
			title: opportunity.title,
			description: opportunity.description,
			deadline: opportunity.deadline,
			at: opportunity.createdAt
		})
		.from(opportunity)
		.where(eq(opportunity.posterId, userId));
	return { posted, ...(await applicationsOfPerson(db, userId)) };
}

/**
 * Erasure deletes what a person posted on their own, with its applications (an organisation's
 * posts stay, no longer tied to them); their applications go with the account (cascade).
 */
export async function eraseOpportunitiesOf(tx: Tx, userId: string) {
	await tx
		.delete(opportunity)
		.where(and(eq(opportunity.posterId, userId), isNull(opportunity.organisationId)));
}
