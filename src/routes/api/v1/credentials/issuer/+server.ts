import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { platformDocuments } from '#lib/server/courses/certificates.ts';

/** The issuer's controller document: the public key certificates are verified with. */
export const GET: RequestHandler = async () => {
	const { database, config } = await app();
	const p = await platformDocuments(database.db, config.origin);
	return new Response(JSON.stringify(p.controller), {
		headers: {
			'content-type': 'application/ld+json',
			'cache-control': 'public, max-age=3600',
			'access-control-allow-origin': '*'
		}
	});
};
