import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { platformDocuments } from '#lib/server/courses/certificates.ts';

/** The signed revocation list (Bitstring Status List): a set bit is a revoked certificate. */
export const GET: RequestHandler = async () => {
	const { database, config } = await app();
	const p = await platformDocuments(database.db, config.origin);
	return new Response(JSON.stringify(await p.statusList()), {
		headers: {
			'content-type': 'application/vc+ld+json',
			'cache-control': 'public, max-age=60',
			'access-control-allow-origin': '*'
		}
	});
};
