import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { inbox, INBOX_PAGE } from '#lib/server/messages/read.ts';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const page = Math.min(1000, Math.max(1, Number(url.searchParams.get('page')) || 1));
	const rows = await inbox(database.db, locals.user, page);
	return {
		page,
		more: rows.length === INBOX_PAGE,
		conversations: rows.map((r) => ({ ...r, lastMessageAt: r.lastMessageAt.toISOString() }))
	};
};
