import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { createCommunity } from '#lib/server/communities/manage.ts';
import { countryOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	return { countries: countryOptions(getLocale()), language: getLocale() };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const f = await readForm(request);
		const values = Object.fromEntries(
			['name', 'description', 'theme', 'country', 'language', 'visibility'].map((k) => [
				k,
				f.text(k)
			])
		);
		const { database } = await app();
		const result = await createCommunity(database.db, locals.user, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/communities/${result.value.slug}?created=1`));
	}
};
