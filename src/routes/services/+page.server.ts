import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { serviceQuery } from '#lib/services/search-query.ts';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { geocodeCity, searchServices, townInWords } from '#lib/server/services/search-services.ts';
import { suggestPlaces } from '#lib/server/places/find-place.ts';
import { servicesMap } from '#lib/server/services/map-points.ts';
import { isCurator } from '#lib/server/services/policy.ts';
import { workplaces } from '#lib/server/organisations/access.ts';
import { languageName } from '#lib/members/codes.ts';
import { SERVICE_LANGUAGES } from '#lib/services/languages.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ url, locals }) => {
	const raw = Object.fromEntries(
		[...url.searchParams.entries()]
			.filter(([, v]) => v !== '')
			.map(([k, v]) => [k, v.slice(0, 300)])
	);
	const locale = getLocale();
	const needs = DEFAULT_TERMS.map((t) => ({ id: t.id, code: t.code, name: t.labels[locale] })).sort(
		(a, b) => a.name.localeCompare(b.name, locale)
	);
	const languages = SERVICE_LANGUAGES.map((code) => ({
		code,
		name: languageName(code, locale)
	})).sort((a, b) => a.name.localeCompare(b.name, locale));
	const { database } = await app();
	const db = database.db;
	const manage = locals.user
		? { organisations: await workplaces(db, locals.user), curator: isCurator(locals.user) }
		: { organisations: [], curator: false };
	const parsed = serviceQuery.safeParse(raw);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
		return {
			errors,
			query: serviceQuery.parse({}),
			needs,
			languages,
			results: null,
			map: null,
			placeUnknown: false,
			suggestions: [],
			placeName: null,
			manage
		};
	}
	let query = parsed.data;
	let origin = query.near ? { lat: query.near[0], lon: query.near[1] } : null;
	let placeName: string | null = null;
	if (!origin && query.place) {
		const found = await geocodeCity(db, query.place, locale);
		// An unknown place lists nothing rather than everything unsorted: towns it may have meant.
		if (!found) {
			const suggestions = await suggestPlaces(db, query.place, { locale });
			return {
				errors: null,
				query,
				needs,
				languages,
				results: null,
				map: null,
				placeUnknown: true,
				suggestions: suggestions.map((p) => ({ name: p.name, country: p.country })),
				placeName,
				manage
			};
		}
		origin = { lat: found.lat, lon: found.lon };
		placeName = found.name;
	} else if (!origin && query.q) {
		// "legal aid lyon": the town is the place, the rest the words.
		const inWords = await townInWords(db, query.q, locale);
		if (inWords) {
			origin = inWords.origin;
			placeName = inWords.name;
			query = { ...query, q: inWords.rest, place: inWords.name };
		}
	}
	const results = await searchServices(db, query, { locale, origin });
	const map = origin ? await servicesMap(db, origin, results.items, locale) : null;
	return {
		map,
		errors: null,
		query,
		needs,
		languages,
		results,
		placeUnknown: false,
		suggestions: [],
		placeName,
		manage
	};
};
