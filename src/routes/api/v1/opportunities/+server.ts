import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { apiOpportunities } from '#lib/server/opportunities/api.ts';
import { OPPORTUNITIES_PAGE } from '#lib/server/opportunities/read.ts';
import { opportunityQuery } from '#lib/opportunities/forms.ts';
import { json, problem } from '#lib/http/respond.ts';

/** Published opportunities still open: the best matches first when words are given, else the newest. */
export const GET: RequestHandler = async ({ url }) => {
	const parsed = opportunityQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success)
		return problem(400, 'invalid_query', 'The query is not valid', parsed.error.issues);
	const { database, config } = await app();
	const q = parsed.data;
	const found = await apiOpportunities(
		database.db,
		{
			q: q.q ?? '',
			type: q.type,
			country: q.country,
			skill: q.skill,
			language: q.language,
			deadlineAfter: q.deadline_after,
			page: q.page
		},
		config.origin
	);
	return json({ ...found, per_page: OPPORTUNITIES_PAGE });
};
