import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { storyFeed } from '#lib/server/stories/stories.ts';
import { findProfileRow } from '#lib/server/members/get-profile.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

/** The feed, the reader's languages first: the page's, and the languages on their profile. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const page = Math.min(500, Math.max(1, Math.trunc(Number(url.searchParams.get('page'))) || 1));
	const { database } = await app();
	const languages: string[] = [getLocale()];
	if (locals.user) {
		const profile = await findProfileRow(database.db, locals.user.id);
		languages.push(...(profile?.languages ?? []).map((l) => l.code));
	}
	return { ...(await storyFeed(database.db, languages, page)), signedIn: !!locals.user };
};
