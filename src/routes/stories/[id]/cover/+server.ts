import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { storyCover } from '#lib/server/stories/stories.ts';
import { idParam } from '#lib/http/id-param.ts';

/** A story's cover image (re-encoded as WebP when published), while the story may be seen. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const id = idParam('uuid', params.id);
	const { database, storage } = await app();
	const data = await storyCover({ db: database.db, storage }, locals.user, id);
	if (!data) error(404, 'Not found');
	return new Response(new Uint8Array(data), {
		headers: {
			'content-type': 'image/webp',
			'cache-control': 'public, max-age=3600',
			'content-security-policy': "default-src 'none'",
			'x-content-type-options': 'nosniff'
		}
	});
};
