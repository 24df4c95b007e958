import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { serviceIdForCode } from '#lib/server/services/get-service.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { idParam } from '#lib/http/id-param.ts';

/** Short links for service pages (printed on paper, sent by SMS): /s/<code> → the page. */
export const GET: RequestHandler = async ({ params }) => {
	const code = idParam('shortCode', params.code);
	const { database } = await app();
	const id = await serviceIdForCode(database.db, code);
	if (!id) error(404);
	redirect(301, localizeHref(`/services/${id}`));
};
