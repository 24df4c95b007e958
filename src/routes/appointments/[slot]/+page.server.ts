import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { bookingView, cancelBooking } from '#lib/server/appointments/appointments.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

/** The secret of the link the person was sent (`?token=`), when they are not signed in. */
const tokenOf = (value: string | null) =>
	value && /^[A-Za-z0-9_-]{10,64}$/.test(value) ? value : undefined;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const id = idParam('uuid', params.slot);
	const token = tokenOf(url.searchParams.get('token'));
	const { database } = await app();
	// Unknown, not theirs, or no longer booked (cancelled) answer alike: nothing to show.
	const view = await bookingView(database.db, locals.user, id, token);
	return { booking: view, token: token ?? '', booked: url.searchParams.has('booked') };
};

export const actions: Actions = {
	cancel: async ({ params, locals, request }) => {
		const id = idParam('uuid', params.slot);
		const token = tokenOf((await readForm(request)).text('token'));
		const { database } = await app();
		const result = await cancelBooking({ db: database.db }, locals.user, id, token);
		return result.ok ? { cancelled: true } : failForm(result);
	}
};
