import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { apiResources } from '#lib/server/library/api.ts';
import { LIBRARY_PAGE } from '#lib/server/library/read.ts';
import { resourceQuery } from '#lib/library/forms.ts';
import { json, problem } from '#lib/http/respond.ts';

/** Published library resources: the best matches first when words are given, else the newest. */
export const GET: RequestHandler = async ({ url }) => {
	const parsed = resourceQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success)
		return problem(400, 'invalid_query', 'The query is not valid', parsed.error.issues);
	const { database, config } = await app();
	const q = parsed.data;
	const found = await apiResources(
		database.db,
		{
			q: q.q ?? '',
			theme: q.theme,
			kind: q.kind,
			language: q.language,
			country: q.country?.toUpperCase(),
			page: q.page
		},
		config.origin
	);
	return json({ ...found, per_page: LIBRARY_PAGE });
};
