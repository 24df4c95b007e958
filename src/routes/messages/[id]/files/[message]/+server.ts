import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { attachmentFor } from '#lib/server/messages/read.ts';
import { idParam } from '#lib/http/id-param.ts';

/**
 * A file sent in a conversation, to its members only (404 for anyone else). Images were written
 * again as WebP when sent; a PDF is always a download, never shown inside the site, and the
 * answer forbids scripts and sniffing either way.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(404, 'Not found');
	const id = idParam('uuid', params.id);
	const messageId = Number(params.message);
	const { database, storage } = await app();
	const file = await attachmentFor(database.db, locals.user, id, messageId);
	const data = file ? await storage.get(file.key) : null;
	if (!file || !data) error(404, 'Not found');
	const pdf = file.kind === 'pdf';
	return new Response(new Uint8Array(data), {
		headers: {
			'content-type': pdf ? 'application/pdf' : 'image/webp',
			'content-disposition': `${pdf ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'cache-control': 'private, max-age=3600',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};
