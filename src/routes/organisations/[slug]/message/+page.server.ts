import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { organisationAccess } from '#lib/server/organisations/access.ts';
import { messageOrganisation } from '#lib/server/messages/organisation-contact.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const slug = idParam('slug', params.slug);
	const { database } = await app();
	const org = await organisationAccess(database.db, locals.user, { slug });
	if (!org || org.organisation.status !== 'approved') error(404, 'Not found');
	return { organisation: { slug, name: org.organisation.name } };
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const values = { body: (await readForm(request)).text('body') };
		const s = await app();
		const result = await messageOrganisation(
			{ db: s.database.db, notifier: s.notifier, storage: s.storage },
			locals.user,
			slug,
			values
		);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/messages/${result.value.id}`));
	}
};
