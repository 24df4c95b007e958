import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { listNotices, markRead } from '#lib/server/notifications/notices.ts';
import { noticeSettings, saveNoticeSettings } from '#lib/server/notifications/settings.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const before = Number(url.searchParams.get('before'));
	const page = await listNotices(database.db, locals.user.id, getLocale(), {
		before: Number.isSafeInteger(before) && before > 0 ? before : undefined
	});
	// What is shown is read: the list still marks it "new" this once.
	if (page.items.length) await markRead(database.db, locals.user.id, page.items[0].id);
	return {
		items: page.items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
		older: page.older,
		settings: await noticeSettings(database.db, locals.user.id)
	};
};

export const actions: Actions = {
	channel: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const channel = form.text('channel');
		const { database } = await app();
		const result = await saveNoticeSettings(database.db, locals.user, { channel });
		return result.ok ? { saved: true } : failForm(result, { channel });
	}
};
