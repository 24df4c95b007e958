import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { opportunityAccess } from '#lib/server/opportunities/read.ts';
import { reportOpportunity } from '#lib/server/opportunities/report.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const found = await opportunityAccess(database.db, locals.user, id);
	if (!found?.may('report')) error(404, 'Not found');
	return { back: `/opportunities/${id}`, title: found.opportunity.title };
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const f = await readForm(request);
		const values = { reason: f.text('reason'), note: f.text('note') };
		const { database } = await app();
		const result = await reportOpportunity(database.db, locals.user, id, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/report/sent?back=${encodeURIComponent(`/opportunities/${id}`)}`));
	}
};
