import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { getProfile } from '#lib/server/members/get-profile.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { database } = await services();
	const profile = await getProfile(database.db, locals.user, params.id.slice(0, 100), getLocale());
	// Missing and hidden answer the same, so a hidden profile's existence is not disclosed.
	if (!profile) error(404, 'Not found');
	return { profile, isOwner: locals.user?.id === profile.id };
};
