import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { locationFormData } from '#lib/services/form-data.ts';
import { organisationLocations } from '#lib/server/services/organisation-services.ts';
import { staffPageOrganisation } from '#lib/http/staff-page.ts';
import { timeZoneOptions } from '#lib/server/services/form-options.ts';
import { saveLocation } from '#lib/server/services/save-service.ts';
import { countryOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

/** One page for a new place (`/locations/new`) and for editing one. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { database } = await app();
	const org = await staffPageOrganisation(database.db, locals.user, params.slug);
	const isNew = params.id === 'new';
	const current = isNew
		? null
		: (await organisationLocations(database.db, org.id)).find((l) => l.id === params.id);
	if (!isNew && !current) error(404, 'Not found');
	const a = current?.doc.addresses?.[0];
	return {
		organisation: org,
		isNew,
		countries: countryOptions(getLocale()),
		timeZones: timeZoneOptions(),
		values: {
			name: current?.name ?? '',
			address1: a?.address_1 ?? '',
			city: a?.city ?? '',
			region: a?.region ?? a?.state_province ?? '',
			postalCode: a?.postal_code ?? '',
			country: a?.country ?? '',
			latitude: current?.doc.latitude != null ? String(current.doc.latitude) : '',
			longitude: current?.doc.longitude != null ? String(current.doc.longitude) : '',
			// New places take the time zone at their position.
			timeZone: current?.timeZone ?? '',
			accessibility: current?.doc.accessibility?.[0]?.description ?? '',
			transportation: current?.doc.transportation ?? ''
		}
	};
};

export const actions: Actions = {
	save: async ({ params, locals, request }) => {
		const { database, config } = await app();
		const org = await staffPageOrganisation(database.db, locals.user, params.slug);
		const raw = locationFormData((await readForm(request)).data);
		const result = await saveLocation(
			database.db,
			locals.user,
			{ organisationId: org.id, locationId: params.id === 'new' ? null : params.id.slice(0, 40) },
			raw,
			{ timeZone: config.serviceTimeZone }
		);
		if (!result.ok) return failForm(result, raw);
		redirect(303, localizeHref(`/organisations/${org.slug}/services?saved=location_saved`));
	}
};
