import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { exportMyData } from '#lib/server/privacy/export-my-data.ts';

export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in first');
	const { database } = await app();
	const data = await exportMyData(database.db, locals.user.id);
	if (!data) error(404, 'Not found');
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="my-data.json"',
			'cache-control': 'private, no-store'
		}
	});
};
