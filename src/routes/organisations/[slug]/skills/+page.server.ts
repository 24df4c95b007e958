import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { peopleWhoConsented } from '#lib/server/skills/consent.ts';
import { idParam } from '#lib/http/id-param.ts';
import { signInFirst } from '#lib/http/next-path.ts';

/** For an organisation's advisers: the people who let them fill their skills profile, now. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const slug = idParam('slug', params.slug);
	const { database } = await app();
	const found = await peopleWhoConsented(database.db, locals.user, slug);
	if (!found) error(404, 'Not found');
	return { organisation: { name: found.organisation.name, slug }, people: found.people };
};
