import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { exportOrganisationCsv } from '#lib/server/referrals/export-csv.ts';
import { idParam } from '#lib/http/id-param.ts';

/** The organisation's referrals as CSV, for its staff; personal columns only when asked for. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	idParam('slug', params.slug);
	const { database } = await app();
	const result = await exportOrganisationCsv(database.db, locals.user, params.slug, {
		direction: url.searchParams.get('direction') === 'sent' ? 'sent' : 'received',
		personal: url.searchParams.get('personal') === '1'
	});
	if (!result) error(404, 'Not found');
	return new Response(result.csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${result.filename}"`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
