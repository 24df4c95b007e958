import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { programmeDashboard } from '#lib/server/referrals/dashboard.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals }) => {
	const { database } = await app();
	const dashboard = await programmeDashboard(database.db, locals.user, getLocale());
	if (!dashboard) error(403, 'Forbidden');
	return { dashboard };
};
