import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { listReferrals } from '#lib/server/referrals/list-referrals.ts';
import { workplaces } from '#lib/server/organisations/access.ts';
import { listQuery } from '#lib/referrals/forms.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const query = listQuery.parse(Object.fromEntries(url.searchParams));
	const result = await listReferrals(database.db, locals.user, query, getLocale());
	if (!result) redirect(303, signInFirst(url));
	const organisations = await workplaces(database.db, locals.user);
	return {
		...result,
		status: query.status ?? '',
		overdue: query.overdue,
		organisations: organisations.map((o) => ({ name: o.name, slug: o.slug }))
	};
};
