import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { hsdsOpenApiResponse } from '#lib/http/hsds-respond.ts';

export const GET: RequestHandler = async () => hsdsOpenApiResponse((await app()).config.origin);
