import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { serviceQuery } from '#lib/services/search-query.ts';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { geocodeCity, searchServices } from '#lib/server/services/search-services.ts';
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
			placeUnknown: false,
			manage
		};
	}
	const query = parsed.data;
	let origin = query.near ? { lat: query.near[0], lon: query.near[1] } : null;
	let placeUnknown = false;
	if (!origin && query.place) {
		origin = await geocodeCity(db, query.place);
		placeUnknown = !origin;
	}
	const results = await searchServices(db, query, { locale, origin });
	return { errors: null, query, needs, languages, results, placeUnknown, manage };
};
