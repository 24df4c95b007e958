import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { app } from '#lib/server/app/app.ts';
import { getBranding } from '#lib/server/admin/branding.ts';
import { eventAccess } from '#lib/server/events/access.ts';
import { eventIcs } from '#lib/server/events/ics.ts';
import { idParam } from '#lib/http/id-param.ts';

/** One event as an iCalendar file; the online link only for those who may see it. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const id = idParam('uuid', params.id);
	const { database, config } = await app();
	const access = await eventAccess(database.db, locals.user, id);
	if (!access) error(404, 'Not found');
	const e = access.event;
	const brand = (await getBranding(database.db)).name;
	const ics = eventIcs(
		{ ...e, onlineUrl: access.may('see-online-link') ? e.onlineUrl : null },
		{
			origin: config.origin,
			locale: getLocale(),
			brand,
			reminder: m.event_alarm({ title: e.title })
		}
	);
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="event-${id.slice(0, 8)}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
