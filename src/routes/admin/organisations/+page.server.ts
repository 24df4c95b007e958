import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { pendingOrganisations } from '#lib/server/organisations/get-organisation.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { database } = await app();
	const pending = await pendingOrganisations(database.db, locals.user);
	if (!pending) error(403, 'Forbidden');
	return { pending };
};
