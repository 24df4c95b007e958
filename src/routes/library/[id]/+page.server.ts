import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { readResource } from '#lib/server/library/read.ts';
import { countryName } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const found = await readResource(database.db, locals.user, id);
	if (!found) error(404, 'Not found');
	return {
		...found,
		countryName: found.country ? countryName(found.country, getLocale()) : null,
		justSent: url.searchParams.get('waiting') === '1',
		signedIn: !!locals.user
	};
};
