import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { homeMembers } from '#lib/server/members/home-members.ts';
import { homeOrganisations } from '#lib/server/organisations/home-organisations.ts';

export const load: PageServerLoad = async () => {
	const { database } = await app();
	const [members, organisations] = await Promise.all([
		homeMembers(database.db),
		homeOrganisations(database.db)
	]);
	return { summary: { ...members, organisations } };
};
