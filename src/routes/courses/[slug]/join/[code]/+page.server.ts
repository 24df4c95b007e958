import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { joinCohort } from '#lib/server/courses/learning.ts';
import { idParam } from '#lib/http/id-param.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** A cohort's invitation link: the signed-in member who opens it may enrol. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const slug = idParam('slug', params.slug);
	const { database } = await app();
	const result = await joinCohort(database.db, locals.user, slug, params.code);
	if (!result.ok) error(404, 'Not found');
	redirect(303, localizeHref(`/courses/${slug}`));
};
