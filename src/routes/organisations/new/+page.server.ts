import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { createOrganisation } from '#lib/server/organisations/create-organisation.ts';
import { countryOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	return { countries: countryOptions(getLocale()) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { data } = await readForm(request);
		const text = (k: string) => (typeof data.get(k) === 'string' ? (data.get(k) as string) : '');
		const all = (k: string) =>
			data.getAll(k).filter((v): v is string => typeof v === 'string' && v !== '');
		const values = {
			name: text('name'),
			kind: text('kind'),
			description: text('description'),
			countries: [...new Set(all('countries'))],
			sectors: [...new Set(all('sectors'))],
			website: text('website').trim(),
			contentLocale: text('contentLocale')
		};
		const { database } = await app();
		const result = await createOrganisation(database.db, locals.user, values);
		if (result.ok) redirect(303, localizeHref(`/organisations/${result.value.slug}?created=1`));
		return failForm(result, values);
	}
};
