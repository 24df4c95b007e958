import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { listCourses } from '#lib/server/courses/read.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	const language = ['en', 'fr', 'es', 'ar'].find((l) => l === url.searchParams.get('language'));
	const page = Number(url.searchParams.get('page')) || 1;
	const { database } = await app();
	const found = await listCourses(database.db, { languages: [getLocale()], language, page });
	return { ...found, language: language ?? '', mayWrite: !!locals.user };
};
