import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import {
	organisationLocations,
	organisationServices
} from '#lib/server/services/organisation-services.ts';
import { staffPageOrganisation } from '#lib/http/staff-page.ts';
import { confirmAccurate } from '#lib/server/services/review.ts';
import { isStale } from '#lib/server/services/stale.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { database, config } = await app();
	const org = await staffPageOrganisation(database.db, locals.user, params.slug);
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
		const { database } = await app();
		const org = await staffPageOrganisation(database.db, locals.user, params.slug);
		const { data } = await readForm(request);
		const target = { organisationId: org.id, serviceId: String(data.get('service') ?? '') };
		const result = await confirmAccurate(database.db, locals.user, target);
		return result.ok ? { done: 'manage_confirmed' } : failForm(result);
	}
};
