import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { moderationQueue, QUEUE_VIEWS, type QueueView } from '#lib/server/moderation/read.ts';
import { moderatedCommunities } from '#lib/server/communities/access.ts';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const asked = url.searchParams.get('view') ?? 'open';
	const view: QueueView = (QUEUE_VIEWS as readonly string[]).includes(asked)
		? (asked as QueueView)
		: 'open';
	const page = Math.min(1000, Math.max(1, Math.trunc(Number(url.searchParams.get('page'))) || 1));
	const { database } = await app();
	// A community's moderators see their communities' part of the queue.
	const scopes = await moderatedCommunities(database.db, locals.user.id);
	const queue = await moderationQueue(database.db, locals.user, view, page, scopes);
	if (!queue) error(404, 'Not found');
	return { view, ...queue };
};
