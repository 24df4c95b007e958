import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { contributeResource } from '#lib/server/library/contribute.ts';
import { readResource } from '#lib/server/library/read.ts';
import { countryOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { parseId } from '#lib/http/ids.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** The resource this one translates (`?translationOf=`), when it is published. */
async function original(url: URL, actor: App.Locals['user']) {
	const raw = url.searchParams.get('translationOf');
	if (!raw) return null;
	const id = parseId('uuid', raw);
	const { database } = await app();
	const found = id ? await readResource(database.db, actor, id) : null;
	if (!found?.mayTranslate) error(404, 'Not found');
	return found;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const of = await original(url, locals.user);
	return {
		language: getLocale(),
		countries: countryOptions(getLocale()),
		translationOf: of
			? {
					id: of.id,
					title: of.title,
					language: of.language,
					themes: of.themes,
					country: of.country
				}
			: null
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const of = await original(url, locals.user);
		const { data, text } = await readForm(request);
		const values = {
			title: text('title'),
			description: text('description'),
			language: text('language'),
			themes: data.getAll('themes').filter((v): v is string => typeof v === 'string'),
			country: text('country'),
			kind: text('kind') || 'link',
			url: text('url')
		};
		const file = data.get('file');
		const upload =
			file instanceof File && file.size > 0
				? { data: Buffer.from(await file.arrayBuffer()), name: file.name }
				: null;
		const { database, storage } = await app();
		const organisation = parseId('slug', url.searchParams.get('organisation')) ?? undefined;
		const result = await contributeResource(
			{ db: database.db, storage },
			locals.user,
			values,
			upload,
			{
				translationOf: of?.id,
				organisation
			}
		);
		if (!result.ok) return failForm(result, values);
		redirect(
			303,
			localizeHref(`/library/${result.value.id}${result.value.waiting ? '?waiting=1' : ''}`)
		);
	}
};
