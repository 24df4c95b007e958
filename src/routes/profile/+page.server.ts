import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { emptyProfile, saveProfile } from '#lib/server/members/save-profile.ts';
import { findProfileRow } from '#lib/server/members/get-profile.ts';
import { labelsFor } from '#lib/server/esco/search-esco.ts';
import { profileFromForm } from '#lib/server/members/profile-form-data.ts';
import { deletePhoto, savePhoto } from '#lib/server/members/photo.ts';
import { searchEsco } from '#lib/server/esco/search-esco.ts';
import { countryOptions, languageOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { signInFirst } from '#lib/http/next-path.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const locale = getLocale();
	const row = await findProfileRow(database.db, locals.user.id);
	const base = emptyProfile(locals.user.name, locale);
	const profile = row
		? {
				...base,
				headline: row.headline ?? '',
				city: row.city ?? '',
				bio: row.bio ?? '',
				residence: row.residenceCountry ?? '',
				origin: row.originCountries,
				languages: row.languages,
				expertise: row.expertise,
				interests: row.interests,
				links: row.links,
				contentLocale: row.contentLocale as typeof base.contentLocale,
				listed: row.listed,
				visibility: { ...base.visibility, ...row.visibility }
			}
		: base;
	const escoQuery = (url.searchParams.get('esco') ?? '').trim().slice(0, 100);
	const found = escoQuery
		? await searchEsco(database.db, escoQuery, { language: locale, limit: 10 })
		: [];
	const labels = await labelsFor(database.db, profile.expertise, locale);
	return {
		profile,
		saved: row !== null,
		photo: row?.photo ? { version: row.photo.version } : null,
		me: locals.user.id,
		expertise: profile.expertise.map((uri) => ({ uri, label: labels.get(uri) ?? uri })),
		escoQuery,
		found: found
			.filter((f) => !profile.expertise.includes(f.uri))
			.map((f) => ({ uri: f.uri, label: f.label, kind: f.kind, language: f.language })),
		options: { countries: countryOptions(locale), languages: languageOptions(locale) }
	};
};

export const actions: Actions = {
	save: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { data } = await readForm(request);
		const input = profileFromForm(data);
		const { database } = await app();
		const result = await saveProfile(database.db, locals.user, locals.user.id, input);
		return result.ok ? { saved: true } : failForm(result, input);
	},
	/** The skill search inside the profile form: nothing is saved, every field comes back as typed. */
	findSkills: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { data } = await readForm(request);
		const values = profileFromForm(data);
		const escoQuery = String(data.get('esco') ?? '')
			.trim()
			.slice(0, 100);
		const { database } = await app();
		const locale = getLocale();
		const ticked = [...new Set(values.expertise)].slice(0, 50);
		const [found, labels] = await Promise.all([
			escoQuery ? searchEsco(database.db, escoQuery, { language: locale, limit: 10 }) : [],
			labelsFor(database.db, ticked, locale)
		]);
		return {
			values,
			escoQuery,
			chosen: ticked
				.filter((uri) => labels.has(uri))
				.map((uri) => ({ uri, label: labels.get(uri)! })),
			found: found
				.filter((f) => !ticked.includes(f.uri))
				.map((f) => ({ uri: f.uri, label: f.label, kind: f.kind, language: f.language }))
		};
	},
	photo: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { data } = await readForm(request);
		const file = data.get('photo');
		const { database, storage } = await app();
		// No file is an empty one: the operation refuses it like any file that is not an image.
		const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
		const result = await savePhoto(
			{ db: database.db, storage },
			locals.user,
			locals.user.id,
			bytes
		);
		return result.ok ? { photoSaved: true } : failForm(result);
	},
	removePhoto: async ({ locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { database, storage } = await app();
		await deletePhoto({ db: database.db, storage }, locals.user, locals.user.id);
		return { photoRemoved: true };
	}
};
