import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { searchOrganisations } from '#lib/server/organisations/search-organisations.ts';
import { json, pageEnvelope, parseDirectoryQuery, problem } from '#lib/http/respond.ts';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseDirectoryQuery(url, 'organisations');
	if (!parsed.success)
		return problem(400, 'invalid_query', 'The query is not valid', parsed.error.issues);
	const { database } = await app();
	const result = await searchOrganisations(database.db, parsed.data);
	return json(pageEnvelope(result.items, result.total, result.page, result.perPage));
};
