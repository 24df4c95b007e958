import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { hsdsMeta } from '#lib/http/hsds-respond.ts';

/** Open Referral HSDS 3.1 API: which version and profile, and where its OpenAPI document is. */
export const GET: RequestHandler = async () => hsdsMeta((await app()).config.origin);
