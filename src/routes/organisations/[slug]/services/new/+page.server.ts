import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { blankTexts } from '#lib/server/services/service-form-values.ts';
import { serviceFormData } from '#lib/services/form-data.ts';
import { staffPageOrganisation } from '#lib/http/staff-page.ts';
import { serviceFormOptions } from '#lib/server/services/form-options.ts';
import { saveService } from '#lib/server/services/save-service.ts';
import { CONTENT_LOCALES } from '#lib/services/service-form.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { database } = await app();
	const org = await staffPageOrganisation(database.db, locals.user, params.slug);
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
			hours: Array.from({ length: 7 }, () => ({ opens: '', closes: '', opens2: '', closes2: '' })),
			hoursNote: '',
			closures: ''
		}
	};
};

export const actions: Actions = {
	save: async ({ params, locals, request }) => {
		const { database, config } = await app();
		const org = await staffPageOrganisation(database.db, locals.user, params.slug);
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
		if (!result.ok) return failForm(result, raw);
		redirect(
			303,
			localizeHref(
				`/organisations/${org.slug}/services?saved=${result.value.pending ? 'service_saved_pending' : 'service_saved'}`
			)
		);
	}
};
