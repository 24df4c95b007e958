import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { certificateView } from '#lib/server/courses/certificates.ts';
import { idParam } from '#lib/http/id-param.ts';

/** The public verification page: anyone with the link (or the QR code) checks a certificate. */
export const load: PageServerLoad = async ({ params }) => {
	const id = idParam('uuid', params.id);
	const { database, config } = await app();
	const view = await certificateView(database.db, config.origin, id);
	if (!view) error(404, 'Not found');
	if (view.withdrawn) return { id, withdrawn: true as const };
	const { credential: _credential, ...shown } = view;
	void _credential;
	return shown;
};
