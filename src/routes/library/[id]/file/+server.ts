import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { resourceFile } from '#lib/server/library/read.ts';
import { idParam } from '#lib/http/id-param.ts';
import { fileResponse } from '#lib/http/file-response.ts';

/** A resource's file; one waiting for a moderator is for its contributor and moderators only. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const id = idParam('uuid', params.id);
	const { database, storage } = await app();
	const file = await resourceFile({ db: database.db, storage }, locals.user, id);
	if (!file) error(404, 'Not found');
	return fileResponse(file, 'private, max-age=3600');
};
