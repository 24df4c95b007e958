import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { createCourse } from '#lib/server/courses/authoring.ts';
import { workplaces } from '#lib/server/organisations/access.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const places = await workplaces(database.db, locals.user);
	return {
		language: getLocale(),
		organisations: places.map((p) => ({ slug: p.slug, name: p.name })),
		platform: locals.user.roles.includes('administrator')
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const values = {
			title: text('title'),
			summary: text('summary'),
			language: text('language'),
			audience: text('audience') || 'open',
			organisation: text('organisation')
		};
		const { database } = await app();
		const result = await createCourse(database.db, locals.user, values, {
			organisation: values.organisation || undefined
		});
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/courses/${result.value.slug}/edit`));
	}
};
