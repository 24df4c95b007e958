import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getProfile } from '#lib/server/members/get-profile.ts';
import { blockedBetween } from '#lib/server/members/blocks.ts';
import { reportProfile } from '#lib/server/members/report.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('id', params.id);
	const { database } = await app();
	if (locals.user.id !== id && (await blockedBetween(database.db, locals.user.id, id)))
		error(404, 'Not found');
	const profile = await getProfile(database.db, locals.user, id, getLocale());
	if (!profile || profile.id === locals.user.id) error(404, 'Not found');
	return { name: profile.name, back: `/members/${id}` };
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('id', params.id);
		const f = await readForm(request);
		const values = { reason: f.text('reason'), note: f.text('note') };
		const { database } = await app();
		const result = await reportProfile(database.db, locals.user, id, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/report/sent?back=${encodeURIComponent(`/members/${id}`)}`));
	}
};
