import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { exportProgrammeCsv } from '#lib/server/referrals/export-csv.ts';

/** Every referral's figures for programme staff; the admin layout does not guard endpoints. */
export const GET: RequestHandler = async ({ locals }) => {
	const { database } = await app();
	const result = await exportProgrammeCsv(database.db, locals.user);
	if (!result) error(403, 'Forbidden');
	return new Response(result.csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${result.filename}"`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
