import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { postMessage } from '#lib/server/messages/post.ts';
import { changeMembership, readConversation } from '#lib/server/messages/read.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.id);
	const before = Number(url.searchParams.get('before'));
	const { database } = await app();
	const result = await readConversation(database.db, locals.user, id, {
		before: Number.isSafeInteger(before) && before > 0 ? before : undefined
	});
	if (!result.ok) error(404, 'Not found');
	const c = result.value;
	return {
		id,
		title: c.conversation.title,
		kind: c.conversation.kind,
		muted: c.muted,
		left: c.left,
		blocked: c.blocked,
		canPost: c.canPost,
		members: c.members.filter((p) => p.id !== locals.user!.id),
		messages: c.messages.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
		older: c.older,
		me: locals.user.id
	};
};

const change = (kind: 'mute' | 'unmute' | 'leave' | 'delete') =>
	(async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const { database } = await app();
		const result = await changeMembership(database.db, locals.user, id, kind);
		if (!result.ok) return failForm(result);
		if (kind === 'delete') redirect(303, localizeHref('/messages?deleted=1'));
		return { changed: kind };
	}) satisfies Actions[string];

export const actions: Actions = {
	post: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const { data, text } = await readForm(request);
		const values = { body: text('body') };
		const file = data.get('file');
		const upload =
			file instanceof File && file.size > 0
				? { data: Buffer.from(await file.arrayBuffer()), name: file.name }
				: null;
		const { database, notifier, storage } = await app();
		const result = await postMessage(
			{ db: database.db, notifier, storage },
			locals.user,
			id,
			values,
			upload
		);
		if (!result.ok) return failForm(result, values);
		// Back to the page as a GET, so a reload does not send it twice; the new message is last.
		redirect(303, localizeHref(`/messages/${id}#m${result.value.id}`));
	},
	mute: change('mute'),
	unmute: change('unmute'),
	leave: change('leave'),
	delete: change('delete')
};
