import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { searchMembers } from '#lib/server/members/search-members.ts';
import { json, pageEnvelope, parseDirectoryQuery, problem } from '#lib/http/respond.ts';

export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = parseDirectoryQuery(url, 'members');
	if (!parsed.success)
		return problem(400, 'invalid_query', 'The query is not valid', parsed.error.issues);
	const { database } = await app();
	const lang = url.searchParams.get('lang') ?? 'en';
	const result = await searchMembers(database.db, locals.user, parsed.data, lang);
	const { items, total, page, perPage, totalIsLowerBound } = result;
	return json(pageEnvelope(items, total, page, perPage, totalIsLowerBound));
};
