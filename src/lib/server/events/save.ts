import { randomUUID } from 'node:crypto';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { eventForm, type EventInput } from '#lib/events/forms.ts';
import { zonedToUtc } from '#lib/events/time.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { rowsOf } from '../db/rows.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { searchKey } from '../search/normalise.ts';
import { findPlace, timeZoneAt } from '../places/find-place.ts';
import { organisationAccess } from '../organisations/access.ts';
import { communityAccess } from '../communities/access.ts';
import { screenOnSave } from '../moderation/screening.ts';
import { writeAudit } from '../platform/audit.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { eventAccess } from './access.ts';
import { event, eventRegistration } from './schema.ts';

export type EventDeps = { db: Db; notifier: Notifier };

/**
 * The form's wall clock as instants: the zone typed, or else the zone of the town given (the
 * offline gazetteer); refused when the start has passed, the end is not after the start, or the
 * time does not exist in that zone.
 */
async function instants(db: Db, d: EventInput, now: Date) {
	let zone = d.timeZone;
	if (!zone && d.city) {
		const place = await findPlace(db, d.city, { country: d.country || null });
		zone = (place && timeZoneAt(place.latitude, place.longitude)) ?? '';
	}
	if (!zone) return failure('invalid', { timeZone: 'error_event_zone_needed' });
	const startsAt = zonedToUtc(d.date, d.start, zone);
	const endsAt = zonedToUtc(d.endDate || d.date, d.end, zone);
	if (!startsAt) return failure('invalid', { start: 'error_event_time_missing' });
	if (!endsAt) return failure('invalid', { end: 'error_event_time_missing' });
	if (startsAt.getTime() <= now.getTime()) return failure('invalid', { date: 'error_event_past' });
	if (endsAt.getTime() <= startsAt.getTime()) return failure('invalid', { end: 'error_event_end' });
	if (endsAt.getTime() - startsAt.getTime() > 31 * 86_400_000)
		return failure('invalid', { end: 'error_event_too_long' });
	return ok({ startsAt, endsAt, zone });
}

const columns = (d: EventInput, at: { startsAt: Date; endsAt: Date; zone: string }) => ({
	title: d.title,
	description: d.description,
	kind: d.kind,
	format: d.format,
	startsAt: at.startsAt,
	endsAt: at.endsAt,
	timeZone: at.zone,
	place: d.place || null,
	city: d.city || null,
	country: d.country || null,
	onlineUrl: d.onlineUrl || null,
	capacity: d.capacity,
	language: d.language,
	search: sql`to_tsvector('simple', ${`${searchKey(d.title)} ${searchKey(d.description)} ${searchKey(d.city)}`})`
});

async function flag(tx: Tx, id: string, authorId: string, d: EventInput, scope: string | null) {
	const text = `${d.title}\n${d.description}`;
	await screenOnSave(
		tx,
		{ kind: 'event', id, authorId, excerpt: text, path: `/events/${id}`, scope },
		text
	);
}

/**
 * A member creates an event, on their own or for an organisation they work in or a community they
 * moderate.
 */
export async function createEvent(
	deps: EventDeps,
	actor: Actor,
	raw: unknown,
	opts: {
		organisation?: string;
		community?: string;
		now?: Date;
		demo?: boolean;
		skipLimit?: boolean;
	} = {}
): Promise<Result<{ id: string }>> {
	if (!actor) return failure('forbidden');
	const { db } = deps;
	const now = opts.now ?? new Date();
	let organisationId: string | null = null;
	let communityId: string | null = null;
	if (opts.organisation) {
		const org = await organisationAccess(db, actor, { slug: opts.organisation });
		if (!org?.may('work')) return failure('not_found');
		organisationId = org.organisation.id;
	}
	if (opts.community) {
		const c = await communityAccess(db, actor, opts.community, 'moderate');
		if (!c) return failure('not_found');
		communityId = c.community.id;
	}
	const parsed = eventForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const at = await instants(db, parsed.data, now);
	if (!at.ok) return at;
	if (!opts.skipLimit && !(await hitRateLimit(db, RULES.eventsByAccount, actor.id)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const id = randomUUID();
	await db.transaction(async (tx) => {
		await tx.insert(event).values({
			id,
			...columns(parsed.data, at.value),
			createdBy: actor.id,
			organisationId,
			communityId,
			demo: opts.demo ?? false
		});
		await flag(tx, id, actor.id, parsed.data, communityId);
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'event.create',
			subjectType: 'event',
			subjectId: id,
			detail: { organisation: organisationId, community: communityId }
		});
	});
	return ok({ id });
}

/**
 * Its organisers change an event before it starts. A capacity lowered below those registered
 * keeps them (nobody loses a place they had); a capacity raised promotes people waiting.
 */
export async function updateEvent(
	deps: EventDeps,
	actor: Actor,
	id: string,
	raw: unknown,
	now = new Date()
): Promise<Result> {
	const access = await eventAccess(deps.db, actor, id, 'edit', now);
	if (!access) return failure('not_found');
	const parsed = eventForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const at = await instants(deps.db, parsed.data, now);
	if (!at.ok) return at;
	await deps.db.transaction(async (tx) => {
		await tx.execute(sql`select id from event where id = ${id} for update`);
		await tx.update(event).set(columns(parsed.data, at.value)).where(eq(event.id, id));
		await promoteWaiting(tx, deps, id);
		await flag(tx, id, actor!.id, parsed.data, access.event.communityId);
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'event.update',
			subjectType: 'event',
			subjectId: id
		});
	});
	return ok();
}

/** Its organisers cancel an event: everyone registered or waiting is told. */
export async function cancelEvent(
	deps: EventDeps,
	actor: Actor,
	id: string,
	now = new Date()
): Promise<Result> {
	const access = await eventAccess(deps.db, actor, id, 'edit', now);
	if (!access) return failure('not_found');
	if (access.event.status === 'cancelled') return ok();
	await deps.db.transaction(async (tx) => {
		await tx.update(event).set({ status: 'cancelled' }).where(eq(event.id, id));
		const people = await tx
			.select({ userId: eventRegistration.userId })
			.from(eventRegistration)
			.where(eq(eventRegistration.eventId, id));
		await deps.notifier.notify(
			tx,
			people.map((p) => ({
				userId: p.userId,
				kind: 'event_cancelled' as const,
				link: `/events/${id}`
			}))
		);
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'event.cancel',
			subjectType: 'event',
			subjectId: id
		});
	});
	return ok();
}

/**
 * Fills free places from the waiting line, first come first served, within `tx` (which holds the
 * event's row lock): each person promoted is told.
 */
export async function promoteWaiting(tx: Tx, deps: Pick<EventDeps, 'notifier'>, eventId: string) {
	const [e] = await tx
		.select({ capacity: event.capacity })
		.from(event)
		.where(eq(event.id, eventId));
	const [{ registered }] = rowsOf<{ registered: number }>(
		await tx.execute(
			sql`select count(*)::int as registered from event_registration where event_id = ${eventId} and status = 'registered'`
		)
	);
	const free = e.capacity === null ? Number.MAX_SAFE_INTEGER : e.capacity - registered;
	if (free > 0) {
		const next = await tx
			.select({ id: eventRegistration.id, userId: eventRegistration.userId })
			.from(eventRegistration)
			.where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'waiting')))
			.orderBy(eventRegistration.id)
			.limit(Math.min(free, 10_000));
		if (next.length)
			await tx
				.update(eventRegistration)
				.set({ status: 'registered', promotedAt: new Date() })
				.where(
					inArray(
						eventRegistration.id,
						next.map((n) => n.id)
					)
				);
		await deps.notifier.notify(
			tx,
			next.map((n) => ({
				userId: n.userId,
				kind: 'event_promoted' as const,
				link: `/events/${eventId}`
			}))
		);
	}
	await recountEvent(tx, eventId);
}

export async function recountEvent(tx: Tx, eventId: string) {
	await tx
		.update(event)
		.set({
			registeredCount: sql`(select count(*)::int from event_registration where event_id = ${eventId} and status = 'registered')`,
			waitingCount: sql`(select count(*)::int from event_registration where event_id = ${eventId} and status = 'waiting')`
		})
		.where(eq(event.id, eventId));
}
