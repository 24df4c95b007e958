import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { apiOpportunity } from '#lib/server/opportunities/api.ts';
import { parseId } from '#lib/http/ids.ts';
import { json, problem } from '#lib/http/respond.ts';

/** One published opportunity, open or closed. */
export const GET: RequestHandler = async ({ params }) => {
	const id = parseId('uuid', params.id);
	const { database, config } = await app();
	const found = id ? await apiOpportunity(database.db, id, config.origin) : null;
	if (!found) return problem(404, 'not_found', 'No such published opportunity');
	return json(found);
};
