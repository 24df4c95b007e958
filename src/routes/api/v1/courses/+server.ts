import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { apiCourses } from '#lib/server/courses/api.ts';
import { COURSES_PAGE } from '#lib/server/courses/read.ts';
import { courseQuery } from '#lib/courses/forms.ts';
import { json, problem } from '#lib/http/respond.ts';

/** Published courses open to all, newest first. */
export const GET: RequestHandler = async ({ url }) => {
	const parsed = courseQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success)
		return problem(400, 'invalid_query', 'The query is not valid', parsed.error.issues);
	const { database, config } = await app();
	const found = await apiCourses(database.db, parsed.data, config.origin);
	return json({ ...found, per_page: COURSES_PAGE });
};
