import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { listCommunities } from '#lib/server/communities/read.ts';
import { COMMUNITY_THEMES } from '#lib/communities/forms.ts';
import { isCountryCode } from '#lib/members/codes.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const themeAsked = url.searchParams.get('theme') ?? '';
	const theme = (COMMUNITY_THEMES as readonly string[]).includes(themeAsked) ? themeAsked : '';
	const countryAsked = (url.searchParams.get('country') ?? '').toUpperCase();
	const country = isCountryCode(countryAsked) ? countryAsked : '';
	const page = Math.min(500, Math.max(1, Math.trunc(Number(url.searchParams.get('page'))) || 1));
	const { database } = await app();
	const list = await listCommunities(database.db, locals.user, { q, theme, country, page });
	return { ...list, q, theme, country, signedIn: !!locals.user };
};
