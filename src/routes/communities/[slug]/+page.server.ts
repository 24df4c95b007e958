import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { communityPage } from '#lib/server/communities/read.ts';
import { joinCommunity, leaveCommunity } from '#lib/server/communities/manage.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** An invitation link's secret travels in the query string (`?invite=`), letters and digits only. */
function inviteOf(url: URL) {
	const token = url.searchParams.get('invite') ?? '';
	return /^[A-Za-z0-9_-]{10,64}$/.test(token) ? token : undefined;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const slug = idParam('slug', params.slug);
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const page = Math.min(1000, Math.max(1, Math.trunc(Number(url.searchParams.get('page'))) || 1));
	const { database } = await app();
	const found = await communityPage(database.db, locals.user, slug, {
		q,
		page,
		inviteToken: inviteOf(url)
	});
	if (!found) error(404, 'Not found');
	return {
		...found,
		invite: found.invited ? inviteOf(url) : undefined,
		signedIn: !!locals.user,
		created: url.searchParams.has('created')
	};
};

export const actions: Actions = {
	join: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const token = (await readForm(request)).text('invite') || undefined;
		const { database } = await app();
		const result = await joinCommunity(database.db, locals.user, slug, token);
		if (!result.ok) return failForm(result);
		redirect(303, localizeHref(`/communities/${slug}?joined=1`));
	},
	leave: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const { database } = await app();
		const result = await leaveCommunity(database.db, locals.user, slug);
		if (!result.ok) return failForm(result);
		return { left: true };
	}
};
