import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { homeSummary } from '#lib/server/members/home-summary.ts';

export const load: PageServerLoad = async () => {
	const { database } = await app();
	return { summary: await homeSummary(database.db) };
};
