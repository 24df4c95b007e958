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
import { fail } from '@sveltejs/kit';
import { findPlace } from '#lib/server/places/find-place.ts';
import { mapWindow, toPosition, zoomIn, type MapWindow } from '#lib/places/local-map.ts';

/** How close the picker opens: around a town, and around a place that has its coordinates. */
const TOWN_KM = 12;
const PLACE_KM = 4;

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
	const lat = current?.doc.latitude;
	const lon = current?.doc.longitude;
	const map: MapWindow | null = lat != null && lon != null ? { lat, lon, km: PLACE_KM } : null;
	return {
		map,
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
	/**
	 * The map picker, without JavaScript: "Show the map" opens it around the typed town; a click on
	 * the map (`pick.x`, `pick.y` of the `<input type="image">`) sets the coordinates there and
	 * closes in; "Wider" steps back. Nothing is saved until Save.
	 */
	pick: async ({ params, locals, request }) => {
		const { database } = await app();
		await staffPageOrganisation(database.db, locals.user, params.slug);
		const { data, text } = await readForm(request);
		const values = locationFormData(data);
		const shown = mapWindow(text('mapLat'), text('mapLon'), text('mapKm'));
		const [x, y] = [Number(text('pick.x')), Number(text('pick.y'))];
		if (shown && text('pick.x') !== '' && Number.isFinite(x) && Number.isFinite(y)) {
			const at = toPosition(shown, x, y);
			return {
				values: { ...values, latitude: String(at.lat), longitude: String(at.lon) },
				map: zoomIn(shown, at.lat, at.lon),
				picked: true
			};
		}
		if (shown && text('zoom') === 'out')
			return { values, map: { ...shown, km: Math.min(shown.km * 3, 400) }, picked: false };
		const town = values.city
			? await findPlace(database.db, values.city, { country: values.country || null })
			: null;
		if (!town) {
			const errors: Record<string, string> = {
				city: values.city ? 'error_location_town_unknown' : 'error_location_map_town'
			};
			return fail(400, { values, errors });
		}
		return {
			values,
			map: { lat: town.latitude, lon: town.longitude, km: TOWN_KM },
			picked: false
		};
	},
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
