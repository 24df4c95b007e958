import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { directoryQuery } from '#lib/members/directory.ts';
import { searchMembers } from '#lib/server/members/search-members.ts';
import { searchOrganisations } from '#lib/server/organisations/search-organisations.ts';
import { countryName, languageName } from '#lib/members/codes.ts';
import { directoryOptions } from '#lib/server/members/directory-options.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { labelsFor } from '#lib/server/esco/search-esco.ts';
import { skillConcepts } from '#lib/server/esco/skill-concepts.ts';

export const load: PageServerLoad = async ({ url, locals }) => {
	const raw = Object.fromEntries(
		[...url.searchParams.entries()]
			.filter(([, v]) => v !== '')
			.map(([k, v]) => [k, v.slice(0, 300)])
	);
	const parsed = directoryQuery.safeParse(raw);
	const locale = getLocale();
	const { database } = await app();
	const available = await directoryOptions(database.db, locals.user ? 'members' : 'public');
	const sorted = (codes: string[], name: (c: string, l: string) => string) =>
		codes
			.map((code) => ({ code, name: name(code, locale) }))
			.sort((a, b) => a.name.localeCompare(b.name, locale));
	const options = {
		origins: sorted(available.origins, countryName),
		residences: sorted(available.residences, countryName),
		languages: sorted(available.languages, languageName)
	};
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
		// A bad filter is the person's to fix: show the form with the message, search nothing.
		return {
			errors,
			query: directoryQuery.parse({}),
			options,
			expertise: null,
			skill: null,
			skillWords: '',
			members: null,
			organisations: null
		};
	}
	const query = parsed.data;
	// The words typed for a skill filter on every ESCO concept whose labels hold them, and on those
	// filed under them; the page names the first few. A concept chosen by its URI (a link, the API)
	// filters on it and its narrower ones (searchMembers).
	const skillWords = (url.searchParams.get('skill') ?? '').trim().slice(0, 100);
	const found =
		skillWords && !query.expertise ? await skillConcepts(database.db, skillWords, locale) : null;
	const named = found ? await labelsFor(database.db, found.matched.slice(0, 4), locale) : null;
	const skill = found
		? {
				matched: found.matched.length,
				examples: found.matched
					.slice(0, 4)
					.map((u) => named!.get(u) ?? '')
					.filter(Boolean),
				withNarrower: found.uris.length
			}
		: null;
	const expertise = query.expertise
		? {
				uri: query.expertise,
				label: (await labelsFor(database.db, [query.expertise], locale)).get(query.expertise) ?? ''
			}
		: null;
	const results =
		query.type === 'organisations'
			? { members: null, organisations: await searchOrganisations(database.db, query) }
			: {
					organisations: null,
					members: await searchMembers(database.db, locals.user, query, locale, {
						skills: found?.uris
					})
				};
	return { query, options, expertise, skill, skillWords, errors: null, ...results };
};
