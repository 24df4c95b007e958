import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { listEvents, EVENTS_PAGE } from '#lib/server/events/read.ts';
import { eventQuery, toEventFilter } from '#lib/events/query.ts';
import { json, problem } from '#lib/http/respond.ts';

/** Public upcoming events, soonest first (the same list as /events for a visitor). */
export const GET: RequestHandler = async ({ url }) => {
	const parsed = eventQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success)
		return problem(400, 'invalid_query', 'The query is not valid', parsed.error.issues);
	const { database, config } = await app();
	const result = await listEvents(database.db, null, toEventFilter(parsed.data));
	return json({
		items: result.items.map((e) => ({
			id: e.id,
			title: e.title,
			kind: e.kind,
			format: e.format,
			starts_at: e.startsAt.toISOString(),
			ends_at: e.endsAt.toISOString(),
			time_zone: e.timeZone,
			city: e.city,
			country: e.country,
			language: e.language,
			capacity: e.capacity,
			registered: e.registered,
			waiting: e.waiting,
			demo: e.demo,
			url: `${config.origin}/${e.language}/events/${e.id}`,
			ics: `${config.origin}/${e.language}/events/${e.id}/event.ics`
		})),
		page: result.page,
		per_page: EVENTS_PAGE,
		has_next: result.hasNext
	});
};
