import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { eventAccess } from '#lib/server/events/access.ts';
import { updateEvent } from '#lib/server/events/save.ts';
import { countryOptions } from '#lib/members/codes.ts';
import { eventValues } from '#lib/events/form-values.ts';
import { utcToZoned } from '#lib/events/time.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const access = await eventAccess(database.db, locals.user, id, 'edit');
	if (!access) error(404, 'Not found');
	const e = access.event;
	const start = utcToZoned(e.startsAt, e.timeZone);
	const end = utcToZoned(e.endsAt, e.timeZone);
	return {
		id,
		title: e.title,
		countries: countryOptions(getLocale()),
		values: {
			title: e.title,
			description: e.description,
			kind: e.kind,
			format: e.format,
			date: start.date,
			start: start.time,
			end: end.time,
			endDate: end.date === start.date ? '' : end.date,
			timeZone: e.timeZone,
			place: e.place ?? '',
			city: e.city ?? '',
			country: e.country ?? '',
			onlineUrl: e.onlineUrl ?? '',
			capacity: e.capacity === null ? '' : String(e.capacity),
			language: e.language
		}
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const values = eventValues((await readForm(request)).text);
		const result = await updateEvent(noticeDeps(await app()), locals.user, id, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/events/${id}`));
	}
};
