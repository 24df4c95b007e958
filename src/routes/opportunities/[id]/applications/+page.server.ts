import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { listApplications } from '#lib/server/opportunities/applications.ts';
import { suggestedPeople } from '#lib/server/opportunities/suggest.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { signInFirst } from '#lib/http/next-path.ts';

/** The poster's side: who applied, where each stands, and who else might fit and why. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const listed = await listApplications(database.db, locals.user, id);
	if (!listed) error(404, 'Not found');
	const applied = new Set(listed.applications.map((a) => a.applicantId));
	const suggested = (await suggestedPeople(database.db, locals.user, id, getLocale())) ?? [];
	return {
		id,
		title: listed.opportunity.title,
		language: listed.opportunity.language,
		applications: listed.applications.map(({ applicantId, ...a }) => (void applicantId, a)),
		suggested: suggested.filter((s) => !applied.has(s.id))
	};
};
