import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { LOGO_KEY } from '#lib/server/admin/branding.ts';

export const GET: RequestHandler = async () => {
	const { storage } = await app();
	const data = await storage.get(LOGO_KEY);
	if (!data) error(404, 'Not found');
	return new Response(new Uint8Array(data), {
		headers: {
			'content-type': 'image/webp',
			'cache-control': 'public, max-age=31536000, immutable',
			'content-security-policy': "default-src 'none'",
			'x-content-type-options': 'nosniff'
		}
	});
};
