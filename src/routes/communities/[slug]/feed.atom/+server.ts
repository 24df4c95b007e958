import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { communityFeed } from '#lib/server/communities/feed.ts';
import { idParam } from '#lib/http/id-param.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

/** A public community's newest threads as an Atom feed; 404 for any other community. */
export const GET: RequestHandler = async ({ params }) => {
	const slug = idParam('slug', params.slug);
	const { database, config } = await app();
	const xml = await communityFeed(database.db, slug, config.origin, getLocale());
	if (!xml) error(404, 'Not found');
	return new Response(xml, {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
