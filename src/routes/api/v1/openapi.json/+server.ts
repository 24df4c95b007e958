import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { openApiDocument } from '#lib/server/api/openapi.ts';
import { json } from '#lib/http/respond.ts';

export const GET: RequestHandler = async () => {
	const { config } = await app();
	return json(openApiDocument(config.origin), 200, { 'cache-control': 'public, max-age=3600' });
};
