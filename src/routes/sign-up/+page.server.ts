import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { errorOn, fieldErrors, signUpEmailForm } from '#lib/accounts/schemas.ts';
import { authErrorKey } from '#lib/http/auth-errors.ts';
import { readForm } from '#lib/http/read-form.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, localizeHref('/account'));
	return {};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await readForm(request);
		const values = {
			name: form.text('name').slice(0, 400),
			email: form.text('email').slice(0, 300)
		};
		const parsed = signUpEmailForm.safeParse({
			name: form.text('name'),
			email: form.text('email'),
			password: form.text('password')
		});
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const { auth } = await app();
		const locale = getLocale();
		try {
			await auth.api.signUpEmail({
				body: { ...parsed.data, locale, callbackURL: localizeHref('/verified', { locale }) }
			});
		} catch (error) {
			const e = error as { body?: { code?: string } };
			// An address already in use gets the same answer as a new one: accounts are not disclosed.
			if (!e?.body?.code?.startsWith('USER_ALREADY_EXISTS')) {
				const { key, status } = authErrorKey(error);
				return fail(status, { values, errors: errorOn('form', key) });
			}
		}
		redirect(303, localizeHref('/check-email'));
	}
};
