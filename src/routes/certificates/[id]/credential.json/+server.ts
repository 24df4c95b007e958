import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { certificateView } from '#lib/server/courses/certificates.ts';
import { idParam } from '#lib/http/id-param.ts';

/** The certificate as its holder keeps it: the signed Open Badges credential. */
export const GET: RequestHandler = async ({ params }) => {
	const id = idParam('uuid', params.id);
	const { database, config } = await app();
	const view = await certificateView(database.db, config.origin, id);
	if (!view || view.withdrawn) error(404, 'Not found');
	return new Response(JSON.stringify(view.credential, null, 2), {
		headers: {
			'content-type': 'application/ld+json',
			'content-disposition': `attachment; filename="certificate-${id}.json"`,
			'x-content-type-options': 'nosniff'
		}
	});
};
