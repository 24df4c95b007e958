import type { RequestHandler } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { getProfile } from '#lib/server/members/get-profile.ts';
import { json, problem } from '#lib/server/api/respond.ts';

export const GET: RequestHandler = async ({ params, locals, url }) => {
	const { database } = await services();
	const profile = await getProfile(
		database.db,
		locals.user,
		params.id.slice(0, 100),
		url.searchParams.get('lang') ?? 'en'
	);
	if (!profile) return problem(404, 'not_found', 'No such member');
	return json(profile);
};
