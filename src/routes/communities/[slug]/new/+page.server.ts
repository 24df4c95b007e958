import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { communityAccess } from '#lib/server/communities/access.ts';
import { startThread } from '#lib/server/communities/posts.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const slug = idParam('slug', params.slug);
	const { database } = await app();
	const access = await communityAccess(database.db, locals.user, slug, 'post');
	if (!access) error(404, 'Not found');
	return { community: { slug, name: access.community.name } };
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const f = await readForm(request);
		const values = { title: f.text('title'), body: f.text('body') };
		const result = await startThread(noticeDeps(await app()), locals.user, slug, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/communities/${slug}/t/${result.value.id}`));
	}
};
