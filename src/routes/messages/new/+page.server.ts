import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { startConversation } from '#lib/server/messages/post.ts';
import { recipientNames } from '#lib/server/messages/read.ts';
import { MAX_GROUP } from '#lib/messages/forms.ts';
import { parseId } from '#lib/http/ids.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** Whom the links asked for (`?to=` once per person), as names; unknown ids are left out. */
async function recipients(ids: string[]) {
	const wanted = [...new Set(ids.map((id) => parseId('id', id)).filter((id) => id !== null))].slice(
		0,
		MAX_GROUP
	);
	const { database } = await app();
	return recipientNames(database.db, wanted);
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	return { to: await recipients(url.searchParams.getAll('to')) };
};

export const actions: Actions = {
	start: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { data, text } = await readForm(request);
		const values = {
			to: data.getAll('to').filter((v): v is string => typeof v === 'string'),
			title: text('title'),
			body: text('body')
		};
		const { database, notifier } = await app();
		const result = await startConversation({ db: database.db, notifier }, locals.user, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/messages/${result.value.id}`));
	}
};
