import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { bookSlot, openSlots } from '#lib/server/appointments/appointments.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = idParam('uuid', params.id);
	const slotId = idParam('uuid', params.slot);
	const { database } = await app();
	const found = await openSlots(database.db, id, new Date(), 500);
	const slot = found?.slots.find((s) => s.id === slotId);
	if (!found || !slot) error(404, 'Not found');
	return { service: found.service, slot, signedIn: !!locals.user, name: locals.user?.name ?? '' };
};

export const actions: Actions = {
	default: async ({ params, locals, request }) => {
		idParam('uuid', params.id);
		const slotId = idParam('uuid', params.slot);
		const f = await readForm(request);
		const values = { name: f.text('name'), phone: f.text('phone') };
		const s = await app();
		const result = await bookSlot(
			{ ...noticeDeps(s), sms: s.sms, origin: s.config.origin },
			locals.user,
			slotId,
			values,
			{ locale: getLocale() }
		);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/appointments/${slotId}?token=${result.value.token}&booked=1`));
	}
};
