import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { blankTexts, serviceFormData, staffOrganisation } from '#lib/server/services/manage.ts';
import { serviceFormOptions } from '#lib/server/services/form-options.ts';
import { saveService } from '#lib/server/services/save-service.ts';
import { CONTENT_LOCALES } from '#lib/services/service-form.ts';
import { getLocale, localizeHref } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	idParam('slug', params.slug);
	const { database } = await app();
	const org = await staffOrganisation(database.db, locals.user, params.slug);
	const asked = url.searchParams.get('lang') ?? '';
	const locale = (CONTENT_LOCALES as readonly string[]).includes(asked) ? asked : getLocale();
	return {
		organisation: org,
		options: await serviceFormOptions(database.db, org.id, getLocale()),
		values: {
			locale,
			texts: blankTexts(),
			status: 'active',
			termIds: [],
			languages: [],
			free: false,
			minimumAge: null,
			maximumAge: null,
			url: '',
			email: '',
			phone: '',
			locationIds: [],
			hours: Array.from({ length: 7 }, () => ({ opens: '', closes: '' })),
			hoursNote: ''
		}
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
			{ organisationId: org.id, serviceId: null },
			raw,
			{
				timeZone: config.serviceTimeZone
			}
		);
		if (!result.ok) {
			if (result.status === 403) error(403, 'Forbidden');
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
