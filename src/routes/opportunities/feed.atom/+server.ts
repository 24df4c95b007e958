import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { opportunitiesFeed } from '#lib/server/opportunities/api.ts';
import * as m from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

/** The newest open opportunities as an Atom feed. */
export const GET: RequestHandler = async () => {
	const { database, config } = await app();
	const locale = getLocale();
	const xml = await opportunitiesFeed(
		database.db,
		config.origin,
		locale,
		m.opportunities_title({}, { locale })
	);
	return new Response(xml, {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
