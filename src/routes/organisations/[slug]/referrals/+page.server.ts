import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { referralDashboard } from '#lib/server/referrals/dashboard.ts';
import { staffPageOrganisation } from '#lib/http/staff-page.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	// Only the organisation's staff; others learn nothing, not even that it has referrals.
	const organisation = await staffPageOrganisation(database.db, locals.user, params.slug);
	const direction = url.searchParams.get('direction') === 'sent' ? 'sent' : 'received';
	const dashboard = await referralDashboard(
		database.db,
		{ organisationId: organisation.id, direction },
		getLocale()
	);
	return {
		organisation: { name: organisation.name, slug: organisation.slug },
		direction,
		dashboard
	};
};
