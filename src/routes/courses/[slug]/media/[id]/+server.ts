import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { courseMediaFile } from '#lib/server/courses/read.ts';
import { idParam } from '#lib/http/id-param.ts';
import { fileResponse } from '#lib/http/file-response.ts';

/** A lesson's file, for those who may read the course. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const slug = idParam('slug', params.slug);
	const id = idParam('uuid', params.id);
	const { database, storage } = await app();
	const file = await courseMediaFile({ db: database.db, storage }, locals.user, slug, id);
	if (!file) error(404, 'Not found');
	return fileResponse(file, 'private, max-age=86400');
};
