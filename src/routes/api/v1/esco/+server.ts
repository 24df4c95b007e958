import { z } from 'zod';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { json, problem } from '#lib/http/respond.ts';
import { searchEsco } from '#lib/server/esco/search-esco.ts';

const querySchema = z.object({
	q: z.string().trim().min(1).max(100),
	kind: z.enum(['occupation', 'skill']).optional(),
	// Any ESCO language (28 with a full release), not only the interface's.
	lang: z
		.string()
		.regex(/^[a-z]{2,3}(-[a-z]{2,4})?$/)
		.default('en'),
	limit: z.coerce.number().int().min(1).max(25).default(10)
});

/** Public autocomplete over ESCO occupations and skills: reference data, no personal data. */
export const GET: RequestHandler = async ({ url }) => {
	// An empty parameter (`?kind=` from a form) means "not given".
	const params = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
	const parsed = querySchema.safeParse(params);
	if (!parsed.success)
		return problem(400, 'invalid_query', 'The query is not valid', parsed.error.issues);
	const { q, kind, lang, limit } = parsed.data;
	const { database } = await app();
	const items = await searchEsco(database.db, q, { language: lang, kind, limit });
	return json({ items }, 200, { 'cache-control': 'public, max-age=3600' });
};
