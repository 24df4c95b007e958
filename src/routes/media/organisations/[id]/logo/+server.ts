import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { publicLogo } from '#lib/server/organisations/organisation-logo.ts';
import { idParam } from '#lib/http/id-param.ts';

/** Logos of approved organisations are public. */
export const GET: RequestHandler = async ({ params }) => {
	const id = idParam('id', params.id);
	const { database, storage } = await app();
	const data = await publicLogo({ db: database.db, storage }, id);
	if (!data) error(404, 'Not found');
	return new Response(new Uint8Array(data), {
		headers: {
			'content-type': 'image/webp',
			'cache-control': 'public, max-age=86400',
			'content-security-policy': "default-src 'none'",
			'x-content-type-options': 'nosniff'
		}
	});
};
