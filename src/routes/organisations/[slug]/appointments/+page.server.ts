import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import {
	dayList,
	offerSlots,
	recordAttendance,
	removeSlot,
	setNote
} from '#lib/server/appointments/staff.ts';
import { organisationServices } from '#lib/server/services/organisation-services.ts';
import { staffPageOrganisation } from '#lib/http/staff-page.ts';
import { zonedToUtc, isTimeZone } from '#lib/events/time.ts';
import { parseId } from '#lib/http/ids.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** The day shown (`?date=`, else today) in the zone chosen (`?tz=`, else the platform's). */
function dayOf(url: URL, fallbackZone: string) {
	const zoneAsked = url.searchParams.get('tz') ?? '';
	const zone = isTimeZone(zoneAsked) ? zoneAsked : fallbackZone;
	const asked = url.searchParams.get('date') ?? '';
	const date = /^\d{4}-\d{2}-\d{2}$/.test(asked)
		? asked
		: new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
	const start = zonedToUtc(date, '00:00', zone) ?? new Date(`${date}T00:00:00Z`);
	return { date, zone, start, end: new Date(start.getTime() + 86_400_000) };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database, config } = await app();
	const org = await staffPageOrganisation(database.db, locals.user, params.slug);
	const day = dayOf(url, config.serviceTimeZone);
	const list = await dayList(database.db, locals.user, params.slug, day);
	if (!list) error(404, 'Not found');
	const services = (await organisationServices(database.db, org.id)).map((s) => ({
		id: s.id,
		name: s.name
	}));
	return {
		organisation: { slug: org.slug, name: org.name },
		day,
		rows: list.rows,
		services,
		offered: url.searchParams.has('offered')
	};
};

async function staff(locals: App.Locals, url: URL) {
	if (!locals.user) redirect(303, signInFirst(url));
	return locals.user;
}

export const actions: Actions = {
	offer: async ({ locals, params, request, url }) => {
		const actor = await staff(locals, url);
		const f = await readForm(request);
		const values = Object.fromEntries(
			['service', 'date', 'from', 'to', 'length', 'channel', 'videoUrl', 'timeZone'].map((k) => [
				k,
				f.text(k)
			])
		);
		const { database } = await app();
		const result = await offerSlots({ db: database.db }, actor, values);
		if (!result.ok) return failForm(result, values);
		// Redirected, so that reloading the page does not offer the same times again.
		redirect(
			303,
			localizeHref(
				`/organisations/${params.slug}/appointments?date=${values.date}&tz=${encodeURIComponent(values.timeZone)}&offered=${result.value.count}`
			)
		);
	},
	attendance: async ({ locals, request, url }) => {
		const actor = await staff(locals, url);
		const f = await readForm(request);
		const id = parseId('uuid', f.text('slot'));
		const value = f.text('attendance');
		if (!id || (value !== 'attended' && value !== 'no_show')) error(404, 'Not found');
		const { database } = await app();
		const result = await recordAttendance({ db: database.db }, actor, id, value);
		return result.ok ? { saved: value } : failForm(result);
	},
	note: async ({ locals, request, url }) => {
		const actor = await staff(locals, url);
		const f = await readForm(request);
		const id = parseId('uuid', f.text('slot'));
		if (!id) error(404, 'Not found');
		const { database } = await app();
		const result = await setNote({ db: database.db }, actor, id, { note: f.text('note') });
		return result.ok ? { saved: 'note' } : failForm(result);
	},
	remove: async ({ locals, request, url }) => {
		const actor = await staff(locals, url);
		const id = parseId('uuid', (await readForm(request)).text('slot'));
		if (!id) error(404, 'Not found');
		const { database } = await app();
		const result = await removeSlot({ db: database.db }, actor, id);
		return result.ok ? { saved: 'remove' } : failForm(result);
	}
};
