import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { listProgrammes } from '#lib/server/mentoring/programmes.ts';
import { workplaces } from '#lib/server/organisations/access.ts';

/** The mentoring programmes; staff of an organisation may start one. */
export const load: PageServerLoad = async ({ locals }) => {
	const { database } = await app();
	const [programmes, places] = await Promise.all([
		listProgrammes(database.db),
		workplaces(database.db, locals.user)
	]);
	return { programmes, mayStart: places.length > 0 };
};
