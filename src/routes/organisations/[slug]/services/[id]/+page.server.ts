import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import {
	serviceFormData,
	serviceFormValues,
	staffOrganisation
} from '#lib/server/services/manage.ts';
import { serviceFormOptions } from '#lib/server/services/form-options.ts';
import { saveService } from '#lib/server/services/save-service.ts';
import { CONTENT_LOCALES } from '#lib/services/service-form.ts';
import { getLocale, localizeHref } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	idParam('slug', params.slug);
	const { database } = await app();
	const db = database.db;
	const org = await staffOrganisation(db, locals.user, params.slug);
	const asked = url.searchParams.get('lang') ?? '';
	const locale = (CONTENT_LOCALES as readonly string[]).includes(asked) ? asked : null;
	const form = await serviceFormValues(db, org.id, params.id, locale);
	if (!form) error(404, 'Not found');
	return {
		organisation: org,
		serviceId: params.id,
		baseName: form.baseName,
		reviewState: form.row.reviewState,
		reviewNote: form.row.reviewNote,
		options: await serviceFormOptions(db, org.id, getLocale(), form.values.languages),
		values: form.values
	};
};

export const actions: Actions = {
	save: async ({ params, locals, request }) => {
		idParam('slug', params.slug);
		const { database, config } = await app();
		const org = await staffOrganisation(database.db, locals.user, params.slug);
		const raw = serviceFormData((await readForm(request)).data);
		const result = await saveService(
			database.db,
			locals.user,
			{ organisationId: org.id, serviceId: params.id.slice(0, 40) },
			raw,
			{ timeZone: config.serviceTimeZone }
		);
		if (!result.ok) {
			if (result.status === 403) error(403, 'Forbidden');
			if (result.status === 404) error(404, 'Not found');
			return fail(result.status, { errors: result.errors, values: raw });
		}
		redirect(
			303,
			localizeHref(
				`/organisations/${org.slug}/services?saved=${result.pending ? 'service_saved_pending' : 'service_saved'}`
			)
		);
	}
};
