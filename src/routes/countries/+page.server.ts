import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { byName, countryNames } from '#lib/server/countries/country-names.ts';
import { countriesWithData } from '#lib/server/countries/countries-with-data.ts';

export const load: PageServerLoad = async () => {
	const { database } = await app();
	const locale = getLocale();
	const codes = byName(await countriesWithData(database.db), locale);
	const names = countryNames(codes, locale);
	return { countries: codes.map((code) => ({ code: code.toLowerCase(), name: names[code] })) };
};
