import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { emptyProfile, saveProfile } from '#lib/server/members/save-profile.ts';
import { findProfileRow } from '#lib/server/members/get-profile.ts';
import { labelsFor } from '#lib/server/esco/search-esco.ts';
import { profileFromForm } from '#lib/server/members/profile-form-data.ts';
import { deletePhoto, savePhoto } from '#lib/server/members/photo.ts';
import { searchEsco } from '#lib/server/esco/search-esco.ts';
import { countryOptions, languageOptions } from '#lib/members/codes.ts';
import { getLocale, localizeHref } from '#lib/paraglide/runtime.js';
import { readForm } from '#lib/http/read-form.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, localizeHref('/sign-in'));
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
			.map((f) => ({ uri: f.uri, label: f.label, kind: f.kind })),
		options: { countries: countryOptions(locale), languages: languageOptions(locale) }
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		if (!locals.user) redirect(303, localizeHref('/sign-in'));
		const { data } = await readForm(request);
		const input = profileFromForm(data);
		const { database } = await app();
		const result = await saveProfile(database.db, locals.user, locals.user.id, input);
		if (result.ok) return { saved: true };
		if (result.status === 403) error(403, 'Forbidden');
		return fail(400, { errors: result.errors, values: input });
	},
	photo: async ({ request, locals }) => {
		if (!locals.user) redirect(303, localizeHref('/sign-in'));
		const { data } = await readForm(request);
		const file = data.get('photo');
		const { database, storage } = await app();
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { errors: { photo: 'error_photo_invalid' } });
		const result = await savePhoto(
			{ db: database.db, storage },
			locals.user,
			locals.user.id,
			Buffer.from(await file.arrayBuffer())
		);
		if (result.ok) return { photoSaved: true };
		if (result.status === 403) error(403, 'Forbidden');
		return fail(result.status, { errors: { photo: result.error } });
	},
	removePhoto: async ({ locals }) => {
		if (!locals.user) redirect(303, localizeHref('/sign-in'));
		const { database, storage } = await app();
		await deletePhoto({ db: database.db, storage }, locals.user, locals.user.id);
		return { photoRemoved: true };
	}
};
