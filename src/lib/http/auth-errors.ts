import { isRedirect } from '@sveltejs/kit';

/** Turns better-auth's error codes into message keys the pages translate. */
const CODES: Record<string, string> = {
	INVALID_EMAIL_OR_PASSWORD: 'error_credentials',
	EMAIL_NOT_VERIFIED: 'error_email_not_verified',
	INVALID_TOKEN: 'error_reset_link_invalid',
	INVALID_OTP: 'error_code_wrong',
	OTP_EXPIRED: 'error_code_wrong',
	OTP_NOT_FOUND: 'error_code_wrong',
	TOO_MANY_ATTEMPTS: 'error_code_wrong',
	PASSWORD_TOO_SHORT: 'error_password_weak',
	PASSWORD_TOO_LONG: 'error_password_too_long'
};

export function authErrorKey(error: unknown): { key: string; status: number } {
	if (isRedirect(error)) throw error;
	const e = error as { body?: { code?: string }; statusCode?: number; status?: number | string };
	const code = e?.body?.code;
	const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
	if (status === 429) return { key: 'error_rate_limited', status };
	if (code && CODES[code])
		return { key: CODES[code], status: status >= 400 && status < 500 ? status : 400 };
	if (status >= 400 && status < 500) return { key: 'error_generic', status };
	throw error;
}
