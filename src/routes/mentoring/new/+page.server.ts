import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { createProgramme } from '#lib/server/mentoring/programmes.ts';
import { workplaces } from '#lib/server/organisations/access.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

const FIELDS = ['organisation', 'title', 'description', 'kind', 'language', 'reminderDays'];

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	return { organisations: await workplaces(database.db, locals.user), language: getLocale() };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const values = Object.fromEntries(FIELDS.map((f) => [f, text(f)]));
		const { database } = await app();
		const result = await createProgramme(database.db, locals.user, values.organisation, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/mentoring/${result.value.id}`));
	}
};
