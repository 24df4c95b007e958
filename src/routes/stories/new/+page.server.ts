import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { publishStory } from '#lib/server/stories/stories.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { parseId } from '#lib/http/ids.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	return { language: getLocale() };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { data, text } = await readForm(request);
		const values = {
			title: text('title'),
			body: text('body'),
			language: text('language'),
			coverAlt: text('coverAlt')
		};
		const file = data.get('cover');
		const cover =
			file instanceof File && file.size > 0
				? { data: Buffer.from(await file.arrayBuffer()), name: file.name }
				: null;
		const { database, storage, config } = await app();
		const organisation = parseId('slug', url.searchParams.get('organisation')) ?? undefined;
		const result = await publishStory(
			{ db: database.db, storage, reviewDays: config.storyReviewDays },
			locals.user,
			values,
			cover,
			{ organisation }
		);
		if (!result.ok) return failForm(result, values);
		redirect(
			303,
			localizeHref(`/stories/${result.value.id}${result.value.waiting ? '?waiting=1' : ''}`)
		);
	}
};
