import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { eventAttendees } from '#lib/server/events/read.ts';
import { idParam } from '#lib/http/id-param.ts';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const found = await eventAttendees(database.db, locals.user, id);
	if (!found) error(404, 'Not found');
	return {
		id,
		title: found.event.title,
		capacity: found.event.capacity,
		attendees: found.attendees
	};
};
