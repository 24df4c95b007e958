import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { openSlots } from '#lib/server/appointments/appointments.ts';
import { idParam } from '#lib/http/id-param.ts';

export const load: PageServerLoad = async ({ params }) => {
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const found = await openSlots(database.db, id);
	if (!found) error(404, 'Not found');
	return found;
};
