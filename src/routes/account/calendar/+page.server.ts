import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { hasCalendarFeed, newCalendarFeed, stopCalendarFeed } from '#lib/server/events/ics.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	return { since: await hasCalendarFeed(database.db, locals.user.id) };
};

export const actions: Actions = {
	/** A new address (the old one stops), shown once. */
	create: async ({ locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { database, config } = await app();
		const token = await newCalendarFeed(database.db, locals.user.id);
		return { link: `${config.origin}/${getLocale()}/calendar/${token}` };
	},
	stop: async ({ locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { database } = await app();
		await stopCalendarFeed(database.db, locals.user.id);
		return { stopped: true };
	}
};
