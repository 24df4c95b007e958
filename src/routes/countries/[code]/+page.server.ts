import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { audienceOf } from '#lib/server/countries/audience.ts';
import { normaliseAlpha2, toAlpha3 } from '#lib/server/countries/codes.ts';
import { countryName, countryNames } from '#lib/server/countries/country-names.ts';
import { countryMembers } from '#lib/server/countries/country-members.ts';
import { migrationSeries } from '#lib/server/countries/migration-series.ts';
import { topCorridors } from '#lib/server/countries/top-corridors.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
	const code = normaliseAlpha2(params.code);
	if (!code) error(404, 'Not found');
	const { database } = await app();
	const { db } = database;
	const locale = getLocale();
	const alpha3 = toAlpha3(code);
	const [members, series, out, into] = await Promise.all([
		countryMembers(db, audienceOf(locals.user), code),
		alpha3 ? migrationSeries(db, alpha3) : null,
		alpha3 ? topCorridors(db, alpha3, 'out') : [],
		alpha3 ? topCorridors(db, alpha3, 'in') : []
	]);
	const hasFigures = !!series && [...series.emigrants, ...series.immigrants].some((y) => y.total);
	return {
		code: code.toLowerCase(),
		name: countryName(code, locale),
		audience: audienceOf(locals.user),
		members,
		series: hasFigures ? series : null,
		out,
		into,
		names: countryNames(
			[...out, ...into].map((c) => c.country),
			locale
		)
	};
};
