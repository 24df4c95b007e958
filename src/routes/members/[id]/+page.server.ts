import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getProfile } from '#lib/server/members/get-profile.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = idParam('id', params.id);
	const { database } = await app();
	const profile = await getProfile(database.db, locals.user, id, getLocale());
	// Missing and hidden answer the same, so a hidden profile's existence is not disclosed.
	if (!profile) error(404, 'Not found');
	return { profile, isOwner: locals.user?.id === profile.id };
};
