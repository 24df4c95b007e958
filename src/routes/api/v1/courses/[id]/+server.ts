import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { apiCourse } from '#lib/server/courses/api.ts';
import { parseId } from '#lib/http/ids.ts';
import { json, problem } from '#lib/http/respond.ts';

/** One published course, by its slug, with its parts and lessons. */
export const GET: RequestHandler = async ({ params }) => {
	const slug = parseId('slug', params.id);
	const { database, config } = await app();
	const found = slug ? await apiCourse(database.db, slug, config.origin) : null;
	if (!found) return problem(404, 'not_found', 'No such published course');
	return json(found);
};
