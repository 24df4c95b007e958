import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getProfile } from '#lib/server/members/get-profile.ts';
import { json, problem } from '#lib/http/respond.ts';
import { parseId } from '#lib/http/ids.ts';

export const GET: RequestHandler = async ({ params, locals, url }) => {
	const id = parseId('id', params.id);
	if (!id) return problem(404, 'not_found', 'No such member');
	const { database } = await app();
	const profile = await getProfile(
		database.db,
		locals.user,
		id,
		url.searchParams.get('lang') ?? 'en'
	);
	if (!profile) return problem(404, 'not_found', 'No such member');
	return json(profile);
};
