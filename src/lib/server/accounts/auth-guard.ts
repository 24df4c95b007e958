import { APIError, createAuthMiddleware } from 'better-auth/api';
import { checkPhone } from '#lib/accounts/phone.ts';
import { emailSchema, nameSchema } from '#lib/accounts/schemas.ts';
import { locales } from '#lib/paraglide/runtime.js';
import type { Db } from '../db/client.ts';
import { hitRateLimit, RULES, type RateRule } from '../platform/rate-limit.ts';

/** Auth API paths whose body carries a phone number, and the limits on that number. */
const PHONE_PATHS: Record<string, RateRule[]> = {
	'/phone-number/send-otp': [RULES.codeToNumberHour, RULES.codeToNumberDay],
	'/phone-number/request-password-reset': [RULES.codeToNumberHour, RULES.codeToNumberDay],
	'/phone-number/verify': [RULES.codeTriesPerNumber],
	'/phone-number/reset-password': [RULES.codeTriesPerNumber],
	'/sign-in/phone-number': [RULES.signInAccount]
};

/** Paths whose body carries an e-mail address, and the limits on that address. */
const EMAIL_PATHS: Record<string, RateRule[]> = {
	'/sign-in/email': [RULES.signInAccount],
	'/sign-up/email': [RULES.mailToAddress],
	'/request-password-reset': [RULES.mailToAddress],
	'/send-verification-email': [RULES.mailToAddress],
	'/change-email': [RULES.mailToAddress]
};

/** Paths through which a person writes their own account fields. */
const USER_INPUT_PATHS = new Set(['/sign-up/email', '/update-user', '/phone-number/verify']);

function refuse(code: string, message: string) {
	return new APIError('BAD_REQUEST', { code, message });
}

async function limit(db: Db, rules: RateRule[], target: string) {
	for (const rule of rules) {
		const { allowed, retryAfter } = await hitRateLimit(db, rule, `target:${target}`);
		if (!allowed)
			throw new APIError(
				'TOO_MANY_REQUESTS',
				{ code: 'RATE_LIMITED', message: 'Too many requests for this account' },
				{ 'retry-after': String(retryAfter) }
			);
	}
}

/**
 * One gate in front of every auth endpoint, for the forms (which call `auth.api.*`) and the JSON
 * API alike: phone numbers are read once and normalised to E.164, reserved addresses and names the
 * forms would refuse are refused, the fields a person may set are the forms' own, and limits apply
 * per target (address, number, account) as well as per client (hooks.server.ts).
 */
export function authGuard(opts: { db: Db; rateLimit: boolean }) {
	return createAuthMiddleware(async (ctx) => {
		const path = ctx.path;
		const body = ctx.body && typeof ctx.body === 'object' ? { ...ctx.body } : null;
		if (!body) return;
		let changed = false;

		if (path in PHONE_PATHS && 'phoneNumber' in body) {
			const checked = checkPhone(body.phoneNumber);
			if (!checked.ok) throw refuse('INVALID_PHONE_NUMBER', 'Invalid phone number');
			body.phoneNumber = checked.e164;
			changed = true;
			if (opts.rateLimit) await limit(opts.db, PHONE_PATHS[path], checked.e164);
		}

		for (const field of ['email', 'newEmail'] as const) {
			if (!(field in body)) continue;
			const email = emailSchema.safeParse(body[field]);
			if (!email.success) throw refuse('INVALID_EMAIL', 'Invalid email');
			body[field] = email.data;
			changed = true;
			if (opts.rateLimit && path in EMAIL_PATHS)
				await limit(opts.db, EMAIL_PATHS[path], email.data);
		}

		if (USER_INPUT_PATHS.has(path)) {
			if ('name' in body && body.name !== undefined) {
				const name = nameSchema.safeParse(body.name);
				if (!name.success) throw refuse('INVALID_NAME', 'Invalid name');
				body.name = name.data;
				changed = true;
			}
			if (
				'locale' in body &&
				body.locale !== undefined &&
				!(locales as readonly unknown[]).includes(body.locale)
			)
				throw refuse('INVALID_LOCALE', 'Invalid locale');
			// Profile photos have their own checked upload; a URL typed here would be shown as is.
			if ('image' in body && body.image != null) throw refuse('INVALID_IMAGE', 'Invalid image');
			// The number of an account changes only through a verified code.
			if (path === '/update-user' && 'phoneNumber' in body)
				throw refuse('PHONE_NUMBER_CANNOT_BE_UPDATED', 'Phone number cannot be updated');
		}

		if (changed) return { context: { body } };
	});
}
