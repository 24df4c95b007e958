import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { programmeDashboard } from '#lib/server/referrals/dashboard.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals }) => {
	const { database } = await services();
	const dashboard = await programmeDashboard(database.db, locals.user, getLocale());
	if (!dashboard) error(403, 'Forbidden');
	return { dashboard };
};
