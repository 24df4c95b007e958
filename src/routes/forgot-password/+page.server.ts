import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { app } from '#lib/server/app/app.ts';
import { fieldErrors, forgotPasswordForm } from '#lib/accounts/schemas.ts';
import { readForm } from '#lib/http/read-form.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { logger } from '#lib/server/platform/logger.ts';

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await readForm(request);
		const values = { email: form.text('email').slice(0, 300) };
		const parsed = forgotPasswordForm.safeParse({ email: form.text('email') });
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const { auth } = await app();
		try {
			await auth.api.requestPasswordReset({
				body: {
					email: parsed.data.email,
					redirectTo: localizeHref('/reset-password', { locale: getLocale() })
				}
			});
		} catch (error) {
			// The answer never says whether an account exists.
			logger.warn({ err: (error as Error).message }, 'password reset request failed');
		}
		return { sent: true };
	}
};
