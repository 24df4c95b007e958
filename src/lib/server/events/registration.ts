import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/policy.ts';
import { rowsOf } from '../db/rows.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { eventAccess } from './access.ts';
import { promoteWaiting, recountEvent, type EventDeps } from './save.ts';
import { eventRegistration } from './schema.ts';

/**
 * A member registers: a place while there is one, else the waiting line. The event's row is
 * locked for the count and the insert, so fifty people registering at once for ten places give
 * exactly ten registered and forty waiting, on either database.
 */
export async function registerForEvent(
	deps: EventDeps,
	actor: Actor,
	id: string,
	now = new Date()
): Promise<Result<{ status: 'registered' | 'waiting' }>> {
	const seen = await eventAccess(deps.db, actor, id, 'see', now);
	if (!seen || !actor) return failure('not_found');
	if (seen.tie.registration) return ok({ status: seen.tie.registration });
	if (!seen.may('register'))
		return failure('conflict', {
			form: seen.event.status === 'cancelled' ? 'error_event_cancelled' : 'error_event_started'
		});
	return deps.db.transaction(async (tx) => {
		// The lock first, then the count in a statement of its own: under READ COMMITTED a statement
		// sees what committed before it began, so a count in the locking statement itself would not
		// see the registrations of those who held the lock just before.
		const [locked] = rowsOf<{ capacity: number | null }>(
			await tx.execute(sql`select capacity from event where id = ${id} for update`)
		);
		const [{ registered }] = rowsOf<{ registered: number }>(
			await tx.execute(
				sql`select count(*)::int as registered from event_registration where event_id = ${id} and status = 'registered'`
			)
		);
		const status: 'registered' | 'waiting' =
			locked.capacity === null || registered < locked.capacity ? 'registered' : 'waiting';
		const added = await tx
			.insert(eventRegistration)
			.values({ eventId: id, userId: actor.id, status })
			.onConflictDoNothing()
			.returning({ status: eventRegistration.status });
		if (!added.length) {
			const [mine] = await tx
				.select({ status: eventRegistration.status })
				.from(eventRegistration)
				.where(and(eq(eventRegistration.eventId, id), eq(eventRegistration.userId, actor.id)));
			return ok({ status: mine.status });
		}
		await recountEvent(tx, id);
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'event.register',
			subjectType: 'event',
			subjectId: id,
			detail: { status }
		});
		return ok({ status });
	});
}

/** A member gives up their place (or leaves the line): the first person waiting is promoted and told. */
export async function cancelRegistration(
	deps: EventDeps,
	actor: Actor,
	id: string,
	now = new Date()
): Promise<Result> {
	const access = await eventAccess(deps.db, actor, id, 'cancel-registration', now);
	if (!access || !actor) return failure('not_found');
	await deps.db.transaction(async (tx) => {
		await tx.execute(sql`select id from event where id = ${id} for update`);
		await tx
			.delete(eventRegistration)
			.where(and(eq(eventRegistration.eventId, id), eq(eventRegistration.userId, actor.id)));
		if (access.event.status === 'published') await promoteWaiting(tx, deps, id);
		else await recountEvent(tx, id);
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'event.unregister',
			subjectType: 'event',
			subjectId: id
		});
	});
	return ok();
}
