import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed request's timestamp may be from now (replays older than this are refused). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function same(a: string, b: string) {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** `sha256=` and the hex HMAC-SHA256 of `timestamp.body`: what a gateway or relay sends. */
export function passerelleSignature(secret: string, timestamp: string, body: string) {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Passerelle's own scheme: `X-Passerelle-Timestamp` (Unix seconds) and `X-Passerelle-Signature`
 * over the timestamp and the raw body, so a captured request cannot be replayed later.
 */
export function verifyPasserelleSignature(
	secret: string,
	body: string,
	timestamp: string | null,
	signature: string | null,
	now = Date.now()
) {
	if (!timestamp || !signature || !/^\d{9,11}$/.test(timestamp)) return false;
	if (Math.abs(now / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return false;
	return same(passerelleSignature(secret, timestamp, body), signature.trim());
}

/**
 * Twilio's scheme (`X-Twilio-Signature`): base64 HMAC-SHA1, keyed by the account's auth token, of
 * the full URL followed by every form field's name and value, sorted by name.
 */
export function twilioSignature(secret: string, url: string, form: URLSearchParams) {
	const fields = [...form.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const data = url + fields.map(([k, v]) => k + v).join('');
	return createHmac('sha1', secret).update(data).digest('base64');
}

export function verifyTwilioSignature(
	secret: string,
	url: string,
	form: URLSearchParams,
	signature: string | null
) {
	return !!signature && same(twilioSignature(secret, url, form), signature.trim());
}
