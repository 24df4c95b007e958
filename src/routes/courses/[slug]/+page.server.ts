import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { courseOverview } from '#lib/server/courses/read.ts';
import { enrol } from '#lib/server/courses/learning.ts';
import { certificateOf } from '#lib/server/courses/certificates.ts';
import { certify } from '#lib/server/app/certificates.ts';
import { idParam } from '#lib/http/id-param.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const slug = idParam('slug', params.slug);
	const s = await app();
	const found = await courseOverview(s.database.db, locals.user, slug);
	if (!found) error(404, 'Not found');
	// A completed course has its certificate; one not issued yet (an interrupted issue) is now.
	let certificate: string | null = null;
	if (found.completedAt && locals.user) {
		certificate = await certificateOf(s.database.db, found.id, locals.user.id);
		if (!certificate) {
			const made = await certify(s, found.id, locals.user.id);
			certificate = made.ok ? made.value.id : null;
		}
	}
	return { ...found, certificate, signedIn: !!locals.user };
};

export const actions: Actions = {
	enrol: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const { database } = await app();
		const result = await enrol(database.db, locals.user, slug);
		if (!result.ok) return failForm(result);
		const o = await courseOverview(database.db, locals.user, slug);
		redirect(303, localizeHref(o?.resume ? `/courses/${slug}/${o.resume}` : `/courses/${slug}`));
	}
};
