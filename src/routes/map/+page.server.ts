import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { audienceOf } from '#lib/server/countries/audience.ts';
import { normaliseAlpha2, toAlpha3 } from '#lib/server/countries/codes.ts';
import { byName, countryNames } from '#lib/server/countries/country-names.ts';
import { countriesWithData } from '#lib/server/countries/countries-with-data.ts';
import { membersByResidence } from '#lib/server/countries/members-by-residence.ts';
import { topCorridors } from '#lib/server/countries/top-corridors.ts';
import { WORLD_MAP } from '#lib/server/countries/world-map.ts';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { database } = await app();
	const locale = getLocale();
	const audience = audienceOf(locals.user);
	const choices = [
		...new Set([...(await countriesWithData(database.db)), ...Object.keys(WORLD_MAP.paths)])
	];
	const asked = url.searchParams.get('origin') ?? '';
	const code = normaliseAlpha2(asked.slice(0, 10));
	// A code that is not in the list (edited by hand) shows every member, with a word about it.
	const origin = code && choices.includes(code) ? code : null;
	const members = await membersByResidence(database.db, audience, origin ?? undefined);
	const alpha3 = origin ? toAlpha3(origin) : null;
	const destinations = alpha3
		? await topCorridors(database.db, alpha3, 'out', { limit: null })
		: [];
	const stock = Object.fromEntries(destinations.map((c) => [c.country, c.total]));
	const shown = new Set([...choices, ...Object.keys(members)]);
	return {
		audience,
		map: WORLD_MAP,
		names: countryNames(shown, locale),
		choices: byName(choices, locale),
		origin,
		unknownOrigin: asked !== '' && !origin,
		members,
		stock
	};
};
