import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { myOpportunities } from '#lib/server/opportunities/read.ts';
import { myApplications } from '#lib/server/opportunities/applications.ts';
import { signInFirst } from '#lib/http/next-path.ts';

/** What the member posted and what they applied to, with where each stands. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const [posted, applied] = await Promise.all([
		myOpportunities(database.db, locals.user.id),
		myApplications(database.db, locals.user.id)
	]);
	return { posted, applied };
};
