import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte } from 'drizzle-orm';
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import type { Db } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import { calendarFeed, event, eventRegistration } from './schema.ts';

type IcsEvent = {
	id: string;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	place: string | null;
	city: string | null;
	onlineUrl: string | null;
	status: 'published' | 'cancelled';
};

const DAY_SECONDS = 86_400;

function addEvent(
	cal: ReturnType<typeof ical>,
	e: IcsEvent,
	origin: string,
	locale: string,
	reminder: string
) {
	const url = `${origin}/${locale}/events/${e.id}`;
	const where = [e.place, e.city].filter(Boolean).join(', ');
	const item = cal.createEvent({
		id: `${e.id}@${new URL(origin).host}`,
		start: e.startsAt,
		end: e.endsAt,
		summary: e.title,
		description: [e.description, e.onlineUrl ?? '', url].filter(Boolean).join('\n\n'),
		location: where || e.onlineUrl || null,
		url,
		status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
	});
	// The reminder the platform sends the day before, as an alarm the person's calendar rings too.
	item.createAlarm({
		type: ICalAlarmType.display,
		triggerBefore: DAY_SECONDS,
		description: reminder
	});
}

/** One event as an iCalendar file (RFC 5545), times in UTC, with a day-before alarm. */
export function eventIcs(
	e: IcsEvent,
	o: { origin: string; locale: string; brand: string; reminder: string }
) {
	const cal = ical({
		name: e.title,
		prodId: { company: o.brand, product: 'Passerelle', language: o.locale.toUpperCase() }
	});
	addEvent(cal, e, o.origin, o.locale, o.reminder);
	return cal.toString();
}

const hash = (token: string) =>
	createHash('sha256').update(`calendar:${token}`).digest('base64url');

/** A member's calendar address: a new secret each time (the old address stops), shown once. */
export async function newCalendarFeed(db: Db, userId: string) {
	const token = randomBytes(24).toString('base64url');
	await db.transaction(async (tx) => {
		await tx
			.insert(calendarFeed)
			.values({ userId, tokenHash: hash(token) })
			.onConflictDoUpdate({
				target: calendarFeed.userId,
				set: { tokenHash: hash(token), createdAt: new Date() }
			});
		await writeAudit(tx, {
			actorId: userId,
			action: 'calendar.new-feed',
			subjectType: 'user',
			subjectId: userId
		});
	});
	return token;
}

export async function hasCalendarFeed(db: Db, userId: string) {
	const [row] = await db
		.select({ at: calendarFeed.createdAt })
		.from(calendarFeed)
		.where(eq(calendarFeed.userId, userId));
	return row?.at ?? null;
}

export async function stopCalendarFeed(db: Db, userId: string) {
	await db.delete(calendarFeed).where(eq(calendarFeed.userId, userId));
}

/**
 * The private feed behind a calendar address: the events its owner registered for or waits for,
 * from a month ago on; null for an unknown address. Calendar apps read it without signing in, so
 * the address is the secret (stored as its hash).
 */
export async function calendarFeedFor(
	db: Db,
	token: string,
	o: { origin: string; locale: string; brand: string; reminder: string; name: string },
	now = new Date()
) {
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
	const [owner] = await db
		.select({ userId: calendarFeed.userId })
		.from(calendarFeed)
		.where(eq(calendarFeed.tokenHash, hash(token)));
	if (!owner) return null;
	const rows = await db
		.select({ e: event, status: eventRegistration.status })
		.from(eventRegistration)
		.innerJoin(event, eq(event.id, eventRegistration.eventId))
		.where(
			and(
				eq(eventRegistration.userId, owner.userId),
				gte(event.endsAt, new Date(now.getTime() - 30 * DAY_SECONDS * 1000))
			)
		)
		.orderBy(event.startsAt)
		.limit(500);
	const cal = ical({
		name: o.name,
		prodId: { company: o.brand, product: 'Passerelle', language: o.locale.toUpperCase() }
	});
	for (const { e, status } of rows)
		addEvent(
			cal,
			{ ...e, onlineUrl: status === 'registered' ? e.onlineUrl : null },
			o.origin,
			o.locale,
			o.reminder
		);
	return cal.toString();
}
