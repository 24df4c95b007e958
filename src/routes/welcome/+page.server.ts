import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { fieldErrors, nameForm } from '#lib/accounts/schemas.ts';
import { authErrorKey } from '#lib/http/auth-errors.ts';
import { readForm } from '#lib/http/read-form.ts';
import { needsName } from '#lib/server/accounts/phone-sign-in.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** A new phone account gives its name here, once its number was proved by a code. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, localizeHref('/sign-in/phone'));
	if (!needsName(locals.user)) redirect(303, localizeHref('/account'));
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (!locals.user) redirect(303, localizeHref('/sign-in/phone'));
		if (!needsName(locals.user)) redirect(303, localizeHref('/account'));
		const form = await readForm(request);
		const values = { name: form.text('name').slice(0, 400) };
		const parsed = nameForm.safeParse({ name: form.text('name') });
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const { auth } = await app();
		try {
			// Through better-auth, so the same rules and the search keys follow (auth.ts hooks).
			await auth.api.updateUser({ body: { name: parsed.data.name }, headers: request.headers });
		} catch (error) {
			const { key, status } = authErrorKey(error);
			return fail(status, { values, errors: { name: key } });
		}
		redirect(303, localizeHref('/account'));
	}
};
