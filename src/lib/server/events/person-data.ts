import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { event, eventRegistration } from './schema.ts';

/** For a person's download: the events they organise and their registrations. */
export async function eventsOfPerson(db: Db, userId: string) {
	const [organised, registrations] = await Promise.all([
		db
			.select({
				title: event.title,
				startsAt: event.startsAt,
				timeZone: event.timeZone,
				status: event.status
			})
			.from(event)
			.where(eq(event.createdBy, userId)),
		db
			.select({
				event: event.title,
				startsAt: event.startsAt,
				status: eventRegistration.status,
				at: eventRegistration.createdAt
			})
			.from(eventRegistration)
			.innerJoin(event, eq(event.id, eventRegistration.eventId))
			.where(eq(eventRegistration.userId, userId))
	]);
	return { organised, registrations };
}

/**
 * Erasure: registrations go with the account (cascade). Events the person organised alone (not
 * for an organisation or a community) are deleted with what they wrote; those of an organisation
 * or community stay for it, unsigned.
 */
export async function eraseEventsOf(tx: Tx, userId: string) {
	const mine = await tx
		.select({ id: event.id, organisationId: event.organisationId, communityId: event.communityId })
		.from(event)
		.where(eq(event.createdBy, userId));
	for (const e of mine)
		if (!e.organisationId && !e.communityId) await tx.delete(event).where(eq(event.id, e.id));
}
