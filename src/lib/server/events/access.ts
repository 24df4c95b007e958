import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisationAccess } from '../organisations/access.ts';
import { communityAccess } from '../communities/access.ts';
import { community } from '../communities/schema.ts';
import { isHeld } from '../moderation/holds.ts';
import { canEvent, type EventAction, type EventTie } from './policy.ts';
import { event, eventRegistration } from './schema.ts';

/** An event with what the actor is to it, or null when the actor may not `action` it (pages: 404). */
export async function eventAccess(
	db: Db | Tx,
	actor: Actor,
	id: string,
	action: EventAction = 'see',
	now = new Date()
) {
	if (!id || id.length > 64) return null;
	const [row] = await db
		.select({ event, registration: eventRegistration.status, communitySlug: community.slug })
		.from(event)
		.leftJoin(
			eventRegistration,
			and(eq(eventRegistration.eventId, event.id), eq(eventRegistration.userId, actor?.id ?? ''))
		)
		.leftJoin(community, eq(community.id, event.communityId))
		.where(eq(event.id, id));
	if (!row) return null;
	const e = row.event;
	let organiser = !!actor && e.createdBy === actor.id;
	let communityReader: boolean | null = null;
	if (!organiser && e.organisationId)
		organiser = !!(await organisationAccess(db, actor, { id: e.organisationId }))?.may('work');
	if (row.communitySlug) {
		const c = await communityAccess(db, actor, row.communitySlug, 'see');
		communityReader = !!c?.may('read');
		organiser ||= !!c?.may('moderate');
	}
	const tie: EventTie = {
		organiser,
		communityReader,
		held: await isHeld(db, 'event', e.id),
		status: e.status,
		registration: row.registration ?? null,
		started: e.startsAt.getTime() <= now.getTime()
	};
	if (!canEvent(actor, action, tie)) return null;
	return {
		event: e,
		communitySlug: row.communitySlug,
		tie,
		may: (a: EventAction) => canEvent(actor, a, tie)
	};
}
