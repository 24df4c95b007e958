import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '#lib/paraglide/messages.js';
import { app } from '#lib/server/app/app.ts';
import { attendeesCsv, eventAttendees } from '#lib/server/events/read.ts';
import { idParam } from '#lib/http/id-param.ts';

/** The attendees of an event as CSV, for its organisers only (404 for anyone else). */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(404, 'Not found');
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const found = await eventAttendees(database.db, locals.user, id);
	if (!found) error(404, 'Not found');
	const csv = attendeesCsv(
		found.attendees,
		{
			name: m.community_name(),
			status: m.event_status(),
			registeredAt: m.event_registered_at(),
			promotedAt: m.event_promoted_at()
		},
		(s) => (s === 'registered' ? m.event_status_registered() : m.event_status_waiting())
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="attendees-${id.slice(0, 8)}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
