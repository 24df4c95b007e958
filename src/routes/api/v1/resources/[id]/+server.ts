import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { apiResource } from '#lib/server/library/api.ts';
import { parseId } from '#lib/http/ids.ts';
import { json, problem } from '#lib/http/respond.ts';

/** One published resource. */
export const GET: RequestHandler = async ({ params }) => {
	const id = parseId('uuid', params.id);
	const { database, config } = await app();
	const found = id ? await apiResource(database.db, id, config.origin) : null;
	if (!found) return problem(404, 'not_found', 'No such published resource');
	return json(found);
};
