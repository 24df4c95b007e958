import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { readOutbox } from '#lib/server/admin/outbox.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { database } = await app();
	const messages = await readOutbox(database.db, locals.user);
	if (!messages) error(403, 'Forbidden');
	return { messages };
};
