import { z } from 'zod';
import { checkPhone } from './phone.ts';
import { hasHiddenCharacters, normaliseText } from './text-rules.ts';

/** Error messages are message keys, translated where they are shown. */
export const NAME_MAX = 100;

export const nameSchema = z
	.string({ error: 'error_name_required' })
	.max(NAME_MAX * 4, 'error_name_too_long')
	.refine((v) => !hasHiddenCharacters(v), 'error_name_hidden_characters')
	.refine((v) => !/[<>]/.test(v), 'error_name_symbols')
	.transform(normaliseText)
	.pipe(z.string().min(1, 'error_name_required').max(NAME_MAX, 'error_name_too_long'));

/**
 * Domains that never receive mail (RFC 2606): the platform uses one for phone-only accounts, so
 * none may be typed by anyone.
 */
export function isReservedEmail(email: string) {
	const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
	return /(^|\.)(invalid|localhost|test)$/.test(domain);
}

export const emailSchema = z
	.string({ error: 'error_email_invalid' })
	.trim()
	.max(254, 'error_email_invalid')
	.pipe(z.email('error_email_invalid'))
	.transform((v) => v.toLowerCase())
	.refine((v) => !isReservedEmail(v), 'error_email_invalid');

export const PASSWORD_MIN = 10;
export const passwordSchema = z
	.string({ error: 'error_password_weak' })
	.min(PASSWORD_MIN, 'error_password_weak')
	.max(128, 'error_password_too_long')
	.refine((v) => new Set(v).size >= 5, 'error_password_weak');

/** A mobile number in international form, normalised to E.164 (+33612345678). */
export const phoneSchema = z
	.string({ error: 'error_phone_invalid' })
	.max(40, 'error_phone_invalid')
	.transform((v, ctx) => {
		const checked = checkPhone(v);
		if (!checked.ok) {
			ctx.addIssue({ code: 'custom', message: checked.reason });
			return z.NEVER;
		}
		return checked.e164;
	});

export const otpSchema = z
	.string({ error: 'error_code_invalid' })
	.trim()
	.regex(/^\d{6}$/, 'error_code_invalid');

export const signUpEmailForm = z.object({
	name: nameSchema,
	email: emailSchema,
	password: passwordSchema
});

export const signInEmailForm = z.object({
	email: emailSchema,
	password: z.string().min(1, 'error_password_required').max(128, 'error_password_too_long')
});

export const phoneStartForm = z.object({ phone: phoneSchema });

export const phoneVerifyForm = z.object({ phone: phoneSchema, code: otpSchema });

export const nameForm = z.object({ name: nameSchema });

export const forgotPasswordForm = z.object({ email: emailSchema });

export const resetPasswordForm = z.object({
	token: z.string().min(1, 'error_reset_link_invalid').max(200, 'error_reset_link_invalid'),
	password: passwordSchema
});

export type FieldErrors = Record<string, string>;

/** First message key per field, for forms. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message;
	}
	return out;
}

/** One message for one field (or 'form' for the whole form). */
export function errorOn(field: string, key: string): FieldErrors {
	return { [field]: key };
}
