import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { searchKey } from '../search/normalise.ts';
import { prefixQuery } from '../search/text-match.ts';
import { community } from '../communities/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { moderationHold } from '../moderation/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { eventAccess } from './access.ts';
import { event, eventRegistration } from './schema.ts';

export const EVENTS_PAGE = 20;

export type EventQuery = {
	q?: string;
	country?: string;
	online?: boolean;
	from?: Date;
	to?: Date;
	page?: number;
};

/**
 * Upcoming published events the actor may see, soonest first: events of no community or of a
 * public one, and those of communities the actor belongs to; none that moderators hid.
 */
export async function listEvents(db: Db, actor: Actor, query: EventQuery = {}, now = new Date()) {
	const page = Math.max(1, query.page ?? 1);
	const key = searchKey(query.q ?? '').slice(0, 100);
	const communityOk: SQL = or(
		isNull(event.communityId),
		sql`${event.communityId} in (select id from community where visibility = 'public')`,
		actor
			? sql`${event.communityId} in (select community_id from community_member where user_id = ${actor.id})`
			: sql`false`
	)!;
	const rows = await db
		.select({
			id: event.id,
			title: event.title,
			kind: event.kind,
			format: event.format,
			startsAt: event.startsAt,
			endsAt: event.endsAt,
			timeZone: event.timeZone,
			city: event.city,
			country: event.country,
			language: event.language,
			capacity: event.capacity,
			registered: event.registeredCount,
			waiting: event.waitingCount,
			demo: event.demo
		})
		.from(event)
		.where(
			and(
				eq(event.status, 'published'),
				// Events under way are still listed until they end.
				gte(event.endsAt, query.from && query.from > now ? query.from : now),
				query.to ? lt(event.startsAt, query.to) : undefined,
				query.country ? eq(event.country, query.country) : undefined,
				query.online ? inArray(event.format, ['online', 'hybrid']) : undefined,
				key ? sql`${event.search} @@ to_tsquery('simple', ${prefixQuery(key)})` : undefined,
				communityOk,
				sql`not exists (select 1 from ${moderationHold} h where h.kind = 'event' and h.subject_id = ${event.id})`
			)
		)
		.orderBy(asc(event.startsAt), asc(event.id))
		.limit(EVENTS_PAGE + 1)
		.offset((page - 1) * EVENTS_PAGE);
	return { items: rows.slice(0, EVENTS_PAGE), hasNext: rows.length > EVENTS_PAGE, page };
}

/** One event as the actor may see it: the online link only for the registered and organisers. */
export async function eventView(db: Db, actor: Actor, id: string, now = new Date()) {
	const access = await eventAccess(db, actor, id, 'see', now);
	if (!access) return null;
	const e = access.event;
	const [organiser] = await db
		.select({ name: user.name })
		.from(user)
		.where(eq(user.id, e.createdBy ?? ''));
	const [org] = e.organisationId
		? await db
				.select({ name: organisation.name, slug: organisation.slug })
				.from(organisation)
				.where(eq(organisation.id, e.organisationId))
		: [];
	const [com] = e.communityId
		? await db
				.select({ name: community.name, slug: community.slug })
				.from(community)
				.where(eq(community.id, e.communityId))
		: [];
	let position: number | null = null;
	if (access.tie.registration === 'waiting') {
		const [row] = rowsOf<{ ahead: number }>(
			await db.execute(sql`
				select count(*)::int as ahead from event_registration r
				where r.event_id = ${id} and r.status = 'waiting' and r.id <= (
					select id from event_registration where event_id = ${id} and user_id = ${actor!.id})`)
		);
		position = row?.ahead ?? null;
	}
	return {
		id: e.id,
		title: e.title,
		descriptionHtml: e.description ? renderMarkdown(e.description) : '',
		description: e.description,
		kind: e.kind,
		format: e.format,
		startsAt: e.startsAt,
		endsAt: e.endsAt,
		timeZone: e.timeZone,
		place: e.place,
		city: e.city,
		country: e.country,
		language: e.language,
		capacity: e.capacity,
		registered: e.registeredCount,
		waiting: e.waitingCount,
		status: e.status,
		demo: e.demo,
		held: access.tie.held,
		organiser: organiser?.name ?? null,
		organisation: org ?? null,
		community: com ?? null,
		onlineUrl: access.may('see-online-link') ? e.onlineUrl : null,
		registration: access.tie.registration,
		position,
		started: access.tie.started,
		may: {
			register: access.may('register'),
			cancel: access.may('cancel-registration'),
			attendees: access.may('see-attendees'),
			edit: access.may('edit')
		}
	};
}

/**
 * Who registered and who waits, in order, for the organisers. Reading it is staff access to
 * people's names, so it is audited.
 */
export async function eventAttendees(db: Db, actor: Actor, id: string, now = new Date()) {
	const access = await eventAccess(db, actor, id, 'see-attendees', now);
	if (!access) return null;
	const rows = await db
		.select({
			name: user.name,
			status: eventRegistration.status,
			registeredAt: eventRegistration.createdAt,
			promotedAt: eventRegistration.promotedAt
		})
		.from(eventRegistration)
		.innerJoin(user, eq(user.id, eventRegistration.userId))
		.where(eq(eventRegistration.eventId, id))
		.orderBy(desc(eventRegistration.status), asc(eventRegistration.id));
	await writeAudit(db, {
		actorId: actor!.id,
		action: 'event.attendees',
		subjectType: 'event',
		subjectId: id,
		detail: { count: rows.length }
	});
	return { event: access.event, attendees: rows };
}

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it. */
function cell(value: string) {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return `"${safe.replace(/"/g, '""')}"`;
}

/** The attendees as CSV (UTF-8 with a byte-order mark, for spreadsheets). */
export function attendeesCsv(
	rows: { name: string; status: string; registeredAt: Date; promotedAt: Date | null }[],
	headers: { name: string; status: string; registeredAt: string; promotedAt: string },
	statusLabel: (s: string) => string
) {
	const lines = [
		[headers.name, headers.status, headers.registeredAt, headers.promotedAt].map(cell).join(','),
		...rows.map((r) =>
			[
				r.name,
				statusLabel(r.status),
				r.registeredAt.toISOString(),
				r.promotedAt?.toISOString() ?? ''
			]
				.map(cell)
				.join(',')
		)
	];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
