import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { errorOn, fieldErrors, phoneStartForm, phoneVerifyForm } from '#lib/accounts/schemas.ts';
import { authErrorKey } from '#lib/server/accounts/auth-errors.ts';
import { readForm } from '#lib/server/accounts/form-data.ts';
import { nameNewPhoneAccount, phoneHasAccount } from '#lib/server/accounts/phone-sign-in.ts';
import { getLocale, localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, localizeHref('/account'));
	return {};
};

export const actions: Actions = {
	send: async ({ request, locals }) => {
		const form = await readForm(request);
		const values = { phone: form.text('phone').slice(0, 60), name: '' };
		if (locals.rateLimited)
			return fail(429, { step: 'phone', values, errors: errorOn('form', 'error_rate_limited') });
		const parsed = phoneStartForm.safeParse({ phone: form.text('phone') });
		if (!parsed.success)
			return fail(400, { step: 'phone', values, errors: fieldErrors(parsed.error) });
		const { auth, database } = await services();
		try {
			await auth.api.sendPhoneNumberOTP({ body: { phoneNumber: parsed.data.phone } });
		} catch {
			return fail(502, { step: 'phone', values, errors: errorOn('form', 'error_sms_failed') });
		}
		const isNew = !(await phoneHasAccount(database.db, parsed.data.phone));
		return { step: 'code', values: { phone: parsed.data.phone, name: '' }, isNew };
	},
	verify: async ({ request, locals }) => {
		const form = await readForm(request);
		const values = {
			phone: form.text('phone').slice(0, 60),
			name: form.text('name').slice(0, 400)
		};
		if (locals.rateLimited)
			return fail(429, { step: 'code', values, errors: errorOn('form', 'error_rate_limited') });
		const parsed = phoneVerifyForm.safeParse({
			phone: form.text('phone'),
			code: form.text('code'),
			name: form.text('name')
		});
		if (!parsed.success)
			return fail(400, { step: 'code', values, errors: fieldErrors(parsed.error) });
		const { auth, database } = await services();
		const { phone, code, name } = parsed.data;
		const isNew = !(await phoneHasAccount(database.db, phone));
		if (isNew && !name) {
			return fail(400, {
				step: 'code',
				values,
				isNew,
				errors: errorOn('name', 'error_phone_name_needed')
			});
		}
		let userId: string;
		try {
			const result = await auth.api.verifyPhoneNumber({
				body: { phoneNumber: phone, code, locale: getLocale() }
			});
			userId = result.user!.id;
		} catch (error) {
			const { key, status } = authErrorKey(error);
			return fail(status, { step: 'code', values, isNew, errors: errorOn('code', key) });
		}
		if (isNew && name) await nameNewPhoneAccount(database.db, userId, name);
		redirect(303, localizeHref('/account'));
	}
};
