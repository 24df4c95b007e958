import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { readOutbox } from '#lib/server/admin/outbox.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { database } = await services();
	const messages = await readOutbox(database.db, locals.user);
	if (!messages) error(403, 'Forbidden');
	return { messages };
};
