import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { errorOn, fieldErrors, resetPasswordForm } from '#lib/accounts/schemas.ts';
import { authErrorKey } from '#lib/http/auth-errors.ts';
import { readForm } from '#lib/http/read-form.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('token') ?? '';
	return {
		token: /^[A-Za-z0-9_-]{1,200}$/.test(token) ? token : '',
		invalid: url.searchParams.has('error')
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await readForm(request);
		const parsed = resetPasswordForm.safeParse({
			token: form.text('token'),
			password: form.text('password')
		});
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const { auth } = await app();
		try {
			await auth.api.resetPassword({
				body: { token: parsed.data.token, newPassword: parsed.data.password }
			});
		} catch (error) {
			const { key, status } = authErrorKey(error);
			return fail(status, { errors: errorOn('form', key) });
		}
		redirect(303, localizeHref('/sign-in?reset=done'));
	}
};
