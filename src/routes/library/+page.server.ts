import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { searchResources } from '#lib/server/library/read.ts';
import { libraryFilters } from '#lib/library/forms.ts';
import { countryOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = libraryFilters(url.searchParams);
	const { database } = await app();
	const found = await searchResources(database.db, filters);
	return { ...found, filters, countries: countryOptions(getLocale()), signedIn: !!locals.user };
};
