import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { app } from '#lib/server/app/app.ts';
import { getBranding } from '#lib/server/admin/branding.ts';
import { calendarFeedFor } from '#lib/server/events/ics.ts';

/** A member's private calendar feed, read by calendar apps without a session (the address is the secret). */
export const GET: RequestHandler = async ({ params }) => {
	const { database, config } = await app();
	const brand = (await getBranding(database.db)).name;
	const ics = await calendarFeedFor(database.db, params.token, {
		origin: config.origin,
		locale: getLocale(),
		brand,
		reminder: m.event_alarm_generic(),
		name: m.calendar_feed_name({ app: brand })
	});
	if (!ics) error(404, 'Not found');
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'cache-control': 'private, no-store',
			'referrer-policy': 'no-referrer'
		}
	});
};
