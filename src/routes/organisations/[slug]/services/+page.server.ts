import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import {
	organisationLocations,
	organisationServices,
	staffOrganisation
} from '#lib/server/services/manage.ts';
import { confirmAccurate } from '#lib/server/services/review.ts';
import { isStale } from '#lib/server/services/stale.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	idParam('slug', params.slug);
	const { database, config } = await app();
	const org = await staffOrganisation(database.db, locals.user, params.slug);
	const now = new Date();
	const list = (await organisationServices(database.db, org.id)).map((s) => ({
		...s,
		stale: s.published && isStale(s.verifiedAt, now, config.serviceStaleDays)
	}));
	return {
		organisation: org,
		services: list,
		locations: await organisationLocations(database.db, org.id),
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	confirm: async ({ params, locals, request }) => {
		idParam('slug', params.slug);
		const { database } = await app();
		const org = await staffOrganisation(database.db, locals.user, params.slug);
		const { data } = await readForm(request);
		const id = String(data.get('service') ?? '');
		const list = await organisationServices(database.db, org.id);
		if (!list.some((s) => s.id === id))
			return fail(404, { errors: { form: 'error_page_not_found' } });
		if (!(await confirmAccurate(database.db, locals.user, id))) error(403, 'Forbidden');
		return { done: 'manage_confirmed' };
	}
};
