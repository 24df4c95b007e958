import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { errorOn, fieldErrors, phoneStartForm, phoneVerifyForm } from '#lib/accounts/schemas.ts';
import { authErrorKey } from '#lib/http/auth-errors.ts';
import { readForm } from '#lib/http/read-form.ts';
import { needsName } from '#lib/server/accounts/phone-sign-in.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { nextPath } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = nextPath(url.searchParams.get('next'));
	if (locals.user) redirect(303, next ?? localizeHref('/account'));
	return { next };
};

// Both steps answer the same whether the number has an account or not; a new account is named
// after its code is verified (routes/welcome).
export const actions: Actions = {
	send: async ({ request }) => {
		const form = await readForm(request);
		const values = { phone: form.text('phone').slice(0, 60) };
		const parsed = phoneStartForm.safeParse({ phone: form.text('phone') });
		if (!parsed.success)
			return fail(400, { step: 'phone', values, errors: fieldErrors(parsed.error) });
		const { auth } = await app();
		try {
			await auth.api.sendPhoneNumberOTP({ body: { phoneNumber: parsed.data.phone } });
		} catch (error) {
			const status = (error as { statusCode?: number })?.statusCode;
			if (status === 429)
				return fail(429, { step: 'phone', values, errors: errorOn('form', 'error_rate_limited') });
			return fail(502, { step: 'phone', values, errors: errorOn('form', 'error_sms_failed') });
		}
		// The page to come back to travels with the code step (the action's address has no query).
		return {
			step: 'code',
			values: { phone: parsed.data.phone },
			next: nextPath(form.text('next'))
		};
	},
	verify: async ({ request }) => {
		const form = await readForm(request);
		const values = { phone: form.text('phone').slice(0, 60) };
		const parsed = phoneVerifyForm.safeParse({
			phone: form.text('phone'),
			code: form.text('code')
		});
		if (!parsed.success)
			return fail(400, { step: 'code', values, errors: fieldErrors(parsed.error) });
		const { auth } = await app();
		const { phone, code } = parsed.data;
		let named: boolean;
		try {
			const result = await auth.api.verifyPhoneNumber({
				body: { phoneNumber: phone, code, locale: getLocale() }
			});
			named = !needsName(result.user);
		} catch (error) {
			const { key, status } = authErrorKey(error);
			return fail(status, { step: 'code', values, errors: errorOn('code', key) });
		}
		const next = nextPath(form.text('next'));
		redirect(303, named ? (next ?? localizeHref('/account')) : localizeHref('/welcome'));
	}
};
