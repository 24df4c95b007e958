import type { RequestHandler } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { hsdsMeta } from '#lib/server/services/hsds/api-respond.ts';

/** Open Referral HSDS 3.1 API: which version and profile, and where its OpenAPI document is. */
export const GET: RequestHandler = async () => hsdsMeta((await services()).config.origin);
