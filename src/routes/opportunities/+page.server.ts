import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { searchOpportunities } from '#lib/server/opportunities/read.ts';
import { suggestedOpportunities } from '#lib/server/opportunities/suggest.ts';
import { opportunityFilters } from '#lib/opportunities/forms.ts';
import { countryOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

/** Open opportunities, filtered; "suggested for you" first for a signed-in member. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = opportunityFilters(url.searchParams);
	const { database } = await app();
	const locale = getLocale();
	const filtered = Object.entries(filters).some(([k, v]) => k !== 'page' && v);
	const [found, suggested] = await Promise.all([
		searchOpportunities(database.db, filters),
		locals.user && !filtered && filters.page === 1
			? suggestedOpportunities(database.db, locals.user, locale, 3)
			: []
	]);
	return {
		...found,
		filters,
		suggested,
		countries: countryOptions(locale),
		signedIn: !!locals.user
	};
};
