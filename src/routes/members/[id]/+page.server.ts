import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getProfile } from '#lib/server/members/get-profile.ts';
import { blockedBetween, blockMember } from '#lib/server/members/blocks.ts';
import { canStart } from '#lib/server/messages/policy.ts';
import { reachOf } from '#lib/server/messages/reach.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = idParam('id', params.id);
	const { database } = await app();
	const db = database.db;
	// Missing, hidden and blocked (either way) answer the same: nothing is disclosed.
	if (locals.user && locals.user.id !== id && (await blockedBetween(db, locals.user.id, id)))
		error(404, 'Not found');
	const profile = await getProfile(db, locals.user, id, getLocale());
	if (!profile) error(404, 'Not found');
	const isOwner = locals.user?.id === profile.id;
	const contact =
		locals.user && !isOwner
			? {
					canMessage: canStart(locals.user, id, (await reachOf(db, locals.user.id, [id])).get(id)!)
				}
			: null;
	return { profile, isOwner, contact };
};

export const actions: Actions = {
	/** The blocked member is not told; both stop seeing each other (members/blocks.ts). */
	block: async ({ params, locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('id', params.id);
		const { database } = await app();
		await blockMember(database.db, locals.user, id);
		redirect(303, localizeHref('/account/messaging?blocked=1'));
	}
};
