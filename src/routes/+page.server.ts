import type { PageServerLoad } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { homeSummary } from '#lib/server/members/home-summary.ts';

export const load: PageServerLoad = async () => {
	const { database } = await services();
	return { summary: await homeSummary(database.db) };
};
