import { json, problem } from './respond.ts';
import { parseId } from './ids.ts';
import type { Db } from '#lib/server/db/client.ts';
import { app } from '#lib/server/app/app.ts';
import { hsdsOpenApi } from '#lib/server/services/hsds/validate.ts';
import {
	parseHsdsQuery,
	type HsdsPage,
	type HsdsQuery
} from '#lib/server/services/hsds/api-queries.ts';
import type { HsdsObject } from '#lib/server/services/hsds/to-hsds.ts';

/** The HSDS API's directory data is public: caches and other sites' scripts may read it. */
const PUBLIC = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

/** HSDS 3.1 without a profile: the profile URL is the specification's. */
export const HSDS_PROFILE = 'https://docs.openreferral.org/en/v3.1/';

export async function hsdsList(url: URL, list: (db: Db, q: HsdsQuery) => Promise<HsdsPage>) {
	const parsed = parseHsdsQuery(url);
	if (!parsed.success)
		return problem(400, 'invalid_query', 'The query is not valid', parsed.error.issues);
	const { database } = await app();
	return json(await list(database.db, parsed.data), 200, PUBLIC);
}

export async function hsdsItem(
	id: string,
	get: (db: Db, id: string) => Promise<HsdsObject | null>,
	what: string
) {
	const key = parseId('id', id);
	if (!key) return problem(404, 'not_found', `No such ${what}`);
	const { database } = await app();
	const found = await get(database.db, key);
	return found ? json(found, 200, PUBLIC) : problem(404, 'not_found', `No such ${what}`);
}

export function hsdsMeta(origin: string) {
	return json(
		{ version: '3.1', profile: HSDS_PROFILE, openapi_url: `${origin}/api/hsds/openapi.json` },
		200,
		PUBLIC
	);
}

let openApi: Record<string, unknown> | undefined;

/** The HSDS OpenAPI document, describing this server. */
export function hsdsOpenApiResponse(origin: string) {
	openApi ??= hsdsOpenApi();
	return json(
		{
			...openApi,
			info: {
				title: 'Passerelle HSDS API',
				version: '3.1',
				description:
					'Open Referral HSDS 3.1 read API: services published by approved organisations, their organizations, locations and taxonomy. postcode matches the postal codes of the places listed here, and proximity (metres) is measured from the centre of the places with that postcode.',
				license: {
					name: 'CC BY-SA 4.0 (HSDS specification)',
					url: 'https://creativecommons.org/licenses/by-sa/4.0/'
				}
			},
			servers: [{ url: `${origin}/api/hsds` }]
		},
		200,
		{ ...PUBLIC, 'cache-control': 'public, max-age=3600' }
	);
}
