import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { addSkillEntry, readSkillsProfile, removeSkillEntry } from '#lib/server/skills/profile.ts';
import { searchEsco } from '#lib/server/esco/search-esco.ts';
import { findProfileRow } from '#lib/server/members/get-profile.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { countryOptions, languageOptions } from '#lib/members/codes.ts';
import { hostLanguage } from '#lib/skills/host-language.ts';
import { getLocale, isLocale } from '#lib/paraglide/runtime.js';

const FIELDS = ['uri', 'title', 'place', 'country', 'started', 'ended', 'language', 'level'];

/** A member's own skills profile, in their language and another side by side; adding and removing. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const db = database.db;
	const locale = getLocale();
	const me = await findProfileRow(db, locals.user.id);
	const asked = url.searchParams.get('beside') ?? '';
	const beside =
		isLocale(asked) && asked !== locale ? asked : hostLanguage(me?.residenceCountry, locale);
	const profile = await readSkillsProfile(db, locals.user, locals.user.id, [locale, beside]);
	const find = (url.searchParams.get('find') ?? '').trim().slice(0, 100);
	const findKind = url.searchParams.get('kind') === 'skill' ? 'skill' : 'occupation';
	const held = new Set(
		[...(profile?.occupation ?? []), ...(profile?.skill ?? [])].map((e) => e.escoUri)
	);
	const found = find
		? (await searchEsco(db, find, { language: locale, kind: findKind, limit: 10 })).filter(
				(h) => !held.has(h.uri)
			)
		: [];
	return {
		profile: profile!,
		locale,
		beside,
		find,
		findKind,
		found: found.map((h) => ({ uri: h.uri, label: h.label, language: h.language })),
		countries: countryOptions(locale),
		languages: languageOptions(locale)
	};
};

export const actions: Actions = {
	add: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const kind = text('kind');
		const values = Object.fromEntries(FIELDS.map((f) => [f, text(f)]));
		const { database } = await app();
		const result = await addSkillEntry(database.db, locals.user, kind, values);
		if (!result.ok) return failForm(result, values, { kind });
		return { added: kind };
	},
	remove: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const { database } = await app();
		const result = await removeSkillEntry(database.db, locals.user, text('id'));
		if (!result.ok) return failForm(result);
		return { removed: true };
	}
};
