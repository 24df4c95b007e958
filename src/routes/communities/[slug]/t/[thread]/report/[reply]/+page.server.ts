import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { communityAccess } from '#lib/server/communities/access.ts';
import { reportPost } from '#lib/server/communities/report.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

function replyParam(value: string) {
	const n = Number(value);
	if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(n)) error(404, 'Not found');
	return n;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const slug = idParam('slug', params.slug);
	const thread = idParam('uuid', params.thread);
	const reply = replyParam(params.reply);
	const { database } = await app();
	if (!(await communityAccess(database.db, locals.user, slug, 'read'))) error(404, 'Not found');
	return { back: `/communities/${slug}/t/${thread}#r${reply}` };
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const thread = idParam('uuid', params.thread);
		const reply = replyParam(params.reply);
		const f = await readForm(request);
		const values = { reason: f.text('reason'), note: f.text('note') };
		const { database } = await app();
		const result = await reportPost(database.db, locals.user, slug, thread, reply, values);
		if (!result.ok) return failForm(result, values);
		const back = `/communities/${slug}/t/${thread}`;
		redirect(303, localizeHref(`/report/sent?back=${encodeURIComponent(back)}`));
	}
};
