import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async ({ request }) => {
		const { auth } = await app();
		try {
			await auth.api.signOut({ headers: request.headers });
		} catch {
			// Already signed out: nothing to end.
		}
		redirect(303, localizeHref('/'));
	}
};
