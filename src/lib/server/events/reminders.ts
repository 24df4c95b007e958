import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { EventDeps } from './save.ts';
import { event, eventRegistration } from './schema.ts';

const DAY = 86_400_000;
const BATCH = 1000;

/**
 * The day-before reminders: everyone registered for a published event that starts within the next
 * 24 hours, once each (`reminded_at`), by their own channel (e-mail, SMS) and language through the
 * notifier; the mail names nothing but gives the link. Run hourly; a run that finds nothing due
 * does nothing.
 */
export async function remindUpcomingEvents(deps: EventDeps, now = new Date()) {
	let sent = 0;
	for (;;) {
		const due = await deps.db
			.select({ id: eventRegistration.id, userId: eventRegistration.userId, eventId: event.id })
			.from(eventRegistration)
			.innerJoin(event, eq(event.id, eventRegistration.eventId))
			.where(
				and(
					eq(eventRegistration.status, 'registered'),
					isNull(eventRegistration.remindedAt),
					eq(event.status, 'published'),
					gt(event.startsAt, now),
					lte(event.startsAt, new Date(now.getTime() + DAY))
				)
			)
			.limit(BATCH);
		if (!due.length) return sent;
		await deps.db.transaction(async (tx) => {
			await tx
				.update(eventRegistration)
				.set({ remindedAt: now })
				.where(
					inArray(
						eventRegistration.id,
						due.map((d) => d.id)
					)
				);
			await deps.notifier.notify(
				tx,
				due.map((d) => ({
					userId: d.userId,
					kind: 'event_reminder' as const,
					link: `/events/${d.eventId}`
				}))
			);
		});
		sent += due.length;
		if (due.length < BATCH) return sent;
	}
}
