import type { RequestHandler } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { hsdsOpenApiResponse } from '#lib/server/services/hsds/api-respond.ts';

export const GET: RequestHandler = async () =>
	hsdsOpenApiResponse((await services()).config.origin);
