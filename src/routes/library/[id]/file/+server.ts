import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { resourceFile } from '#lib/server/library/read.ts';
import { idParam } from '#lib/http/id-param.ts';

/**
 * A resource's file. Documents are only ever downloaded (never opened by the browser in the
 * platform's origin); images, audio and video play in the page. Every answer is sandboxed and
 * never sniffed. Files waiting for a moderator are for their contributor and moderators only.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const id = idParam('uuid', params.id);
	const { database, storage } = await app();
	const file = await resourceFile({ db: database.db, storage }, locals.user, id);
	if (!file) error(404, 'Not found');
	const inline = file.kind !== 'document';
	const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(file.data), {
		headers: {
			'content-type': file.type,
			'content-length': String(file.data.byteLength),
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'cache-control': 'private, max-age=3600',
			'content-security-policy': "default-src 'none'; sandbox",
			'x-content-type-options': 'nosniff',
			'cross-origin-resource-policy': 'same-origin'
		}
	});
};
