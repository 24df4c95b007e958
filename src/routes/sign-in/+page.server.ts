import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { errorOn, fieldErrors, signInEmailForm } from '#lib/accounts/schemas.ts';
import { authErrorKey } from '#lib/http/auth-errors.ts';
import { readForm } from '#lib/http/read-form.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { nextPath } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = nextPath(url.searchParams.get('next'));
	if (locals.user) redirect(303, next ?? localizeHref('/account'));
	const { config } = await app();
	return {
		next,
		providers: config.oidcProviders.map((p) => ({ id: p.id, name: p.name })),
		notice: url.searchParams.get('reset') === 'done' ? 'reset_done' : null,
		error: url.searchParams.get('error') ? 'error_generic' : null
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await readForm(request);
		const values = { email: form.text('email').slice(0, 300) };
		const parsed = signInEmailForm.safeParse({
			email: form.text('email'),
			password: form.text('password')
		});
		const next = nextPath(form.text('next'));
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const { auth } = await app();
		try {
			await auth.api.signInEmail({
				body: {
					email: parsed.data.email,
					password: parsed.data.password,
					callbackURL: localizeHref('/verified', { locale: getLocale() })
				},
				headers: request.headers
			});
		} catch (error) {
			const { key, status } = authErrorKey(error);
			return fail(status, { values, errors: errorOn('form', key) });
		}
		// Back to the page that asked for an account (a referral link, a saved service), else home.
		redirect(303, next ?? localizeHref('/account'));
	}
};
