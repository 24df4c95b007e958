import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { eventView } from '#lib/server/events/read.ts';
import { cancelRegistration, registerForEvent } from '#lib/server/events/registration.ts';
import { cancelEvent } from '#lib/server/events/save.ts';
import { isTimeZone } from '#lib/events/time.ts';
import { idParam } from '#lib/http/id-param.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';

/**
 * The reader's own time zone: chosen on the page (`?tz=`, then kept in a cookie for a year), so
 * times are shown in the event's zone and in theirs, without JavaScript.
 */
export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
	const id = idParam('uuid', params.id);
	const asked = url.searchParams.get('tz');
	let viewerZone = cookies.get('tz') ?? '';
	let zoneError = false;
	if (asked !== null) {
		if (isTimeZone(asked.trim())) {
			viewerZone = asked.trim();
			cookies.set('tz', viewerZone, {
				path: '/',
				maxAge: 365 * 86_400,
				httpOnly: true,
				sameSite: 'lax'
			});
		} else zoneError = true;
	}
	if (!isTimeZone(viewerZone)) viewerZone = '';
	const { database } = await app();
	const view = await eventView(database.db, locals.user, id);
	if (!view) error(404, 'Not found');
	return {
		event: view,
		viewerZone,
		zoneError,
		asked: asked ?? '',
		signedIn: !!locals.user,
		created: url.searchParams.has('created')
	};
};

export const actions: Actions = {
	register: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const result = await registerForEvent(noticeDeps(await app()), locals.user, id);
		return result.ok ? { registered: result.value.status } : failForm(result);
	},
	unregister: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const result = await cancelRegistration(noticeDeps(await app()), locals.user, id);
		return result.ok ? { unregistered: true } : failForm(result);
	},
	cancel: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const result = await cancelEvent(noticeDeps(await app()), locals.user, id);
		return result.ok ? { cancelled: true } : failForm(result);
	}
};
