import type { RequestHandler } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { openApiDocument } from '#lib/server/api/openapi.ts';
import { json } from '#lib/server/api/respond.ts';

export const GET: RequestHandler = async () => {
	const { config } = await services();
	return json(openApiDocument(config.origin), 200, { 'cache-control': 'public, max-age=3600' });
};
