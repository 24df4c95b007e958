import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { courseMediaFile } from '#lib/server/courses/read.ts';
import { idParam } from '#lib/http/id-param.ts';

/** A lesson's file: pictures and sounds in the page, documents only as downloads; sandboxed. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const slug = idParam('slug', params.slug);
	const id = idParam('uuid', params.id);
	const { database, storage } = await app();
	const file = await courseMediaFile({ db: database.db, storage }, locals.user, slug, id);
	if (!file) error(404, 'Not found');
	const inline = file.kind !== 'document';
	const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(file.data), {
		headers: {
			'content-type': file.type,
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'cache-control': 'private, max-age=86400',
			'content-security-policy': "default-src 'none'; sandbox",
			'x-content-type-options': 'nosniff'
		}
	});
};
