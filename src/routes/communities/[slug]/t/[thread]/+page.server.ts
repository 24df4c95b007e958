import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { readThread } from '#lib/server/communities/read.ts';
import { replyToThread, setPinned } from '#lib/server/communities/posts.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const slug = idParam('slug', params.slug);
	const id = idParam('uuid', params.thread);
	const after = Math.max(0, Math.trunc(Number(url.searchParams.get('after'))) || 0);
	const { database } = await app();
	const found = await readThread(database.db, locals.user, slug, id, { after });
	if (!found) error(404, 'Not found');
	return { ...found, signedIn: !!locals.user };
};

async function pin(
	locals: App.Locals,
	params: { slug: string; thread: string },
	url: URL,
	pinned: boolean
) {
	if (!locals.user) redirect(303, signInFirst(url));
	const slug = idParam('slug', params.slug);
	const id = idParam('uuid', params.thread);
	const { database } = await app();
	const result = await setPinned(database.db, locals.user, slug, id, pinned);
	return result.ok ? { pinned } : failForm(result);
}

export const actions: Actions = {
	reply: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const id = idParam('uuid', params.thread);
		const values = { body: (await readForm(request)).text('body') };
		const result = await replyToThread(noticeDeps(await app()), locals.user, slug, id, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/communities/${slug}/t/${id}#r${result.value.id}`));
	},
	pin: ({ locals, params, url }) => pin(locals, params, url, true),
	unpin: ({ locals, params, url }) => pin(locals, params, url, false)
};
