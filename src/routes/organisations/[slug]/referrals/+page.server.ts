import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { referralDashboard, staffOrganisation } from '#lib/server/referrals/dashboard.ts';
import { getLocale, localizeHref } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	idParam('slug', params.slug);
	if (!locals.user) redirect(303, localizeHref('/sign-in'));
	const { database } = await app();
	const organisation = await staffOrganisation(database.db, locals.user, params.slug);
	// Only the organisation's staff; others learn nothing, not even that it has referrals.
	if (!organisation) error(404, 'Not found');
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
