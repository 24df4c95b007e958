import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { GenericEndpointContext } from '@better-auth/core';

/**
 * One-time SMS codes at rest. better-auth's phone plugin writes `code:attempts` into the
 * verification table; the create hook below replaces the code by an HMAC keyed with the auth
 * secret (a six-digit code has only a million values: a plain hash would be reversed at once),
 * and `verifyPhoneCode` checks the code against it, spending one of a few attempts per wrong code.
 * Identifiers (which hold the number) are stored hashed too.
 */
export const PHONE_IDENTIFIER_PREFIX = 'phone-number-';
const STORED_PREFIX = 'phone:';
const MAX_ATTEMPTS = 5;

/** How a phone identifier is stored (better-auth's `storeIdentifier` custom hash). */
export async function storedPhoneIdentifier(identifier: string) {
	return STORED_PREFIX + createHash('sha256').update(identifier).digest('base64url');
}

function codeMac(secret: string, storedIdentifier: string, code: string) {
	return (
		'h1$' + createHmac('sha256', secret).update(`${storedIdentifier}:${code}`).digest('base64url')
	);
}

/** Verification create hook: codes leave the plugin in clear and reach the table as a MAC. */
export function hashPhoneCodeOnCreate(secret: string) {
	return async (data: { identifier: string; value: string }) => {
		if (!data.identifier.startsWith(STORED_PREFIX)) return;
		const match = /^(\d{4,10}):0$/.exec(data.value);
		if (!match) return;
		return { data: { ...data, value: `${codeMac(secret, data.identifier, match[1])}:0` } };
	};
}

function same(a: string, b: string) {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The phone plugin's custom verifier. The stored row is consumed first (one caller wins a race);
 * a wrong code puts it back with one attempt spent, until none is left.
 */
export function verifyPhoneCode(secret: string) {
	return async (
		data: { phoneNumber: string; code: string },
		ctx?: GenericEndpointContext
	): Promise<boolean> => {
		if (!ctx || !/^\d{4,10}$/.test(data.code)) return false;
		const kind = ctx.path === '/phone-number/reset-password' ? 'reset' : 'otp';
		const identifier = `${PHONE_IDENTIFIER_PREFIX}${kind}-${data.phoneNumber}`;
		const adapter = ctx.context.internalAdapter;
		const row = await adapter.consumeVerificationValue(identifier);
		if (!row) return false;
		const [mac, rawAttempts] = row.value.split(':');
		const attempts = Number(rawAttempts) || 0;
		if (attempts >= MAX_ATTEMPTS) return false;
		if (same(mac, codeMac(secret, await storedPhoneIdentifier(identifier), data.code))) return true;
		if (attempts + 1 < MAX_ATTEMPTS)
			await adapter.createVerificationValue({
				identifier,
				value: `${mac}:${attempts + 1}`,
				expiresAt: row.expiresAt
			});
		return false;
	};
}
