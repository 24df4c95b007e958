import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { conversationAccess } from '#lib/server/messages/access.ts';
import { reportMessage } from '#lib/server/messages/report.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

function messageParam(value: string) {
	const n = Number(value);
	if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(n)) error(404, 'Not found');
	return n;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.id);
	const messageId = messageParam(params.message);
	const { database } = await app();
	if (!(await conversationAccess(database.db, locals.user, id))) error(404, 'Not found');
	return { back: `/messages/${id}#m${messageId}` };
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const messageId = messageParam(params.message);
		const f = await readForm(request);
		const values = { reason: f.text('reason'), note: f.text('note') };
		const { database } = await app();
		const result = await reportMessage(database.db, locals.user, id, messageId, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/report/sent?back=${encodeURIComponent(`/messages/${id}`)}`));
	}
};
