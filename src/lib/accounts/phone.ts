import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneCheck =
	| { ok: true; e164: string }
	| { ok: false; reason: 'error_phone_invalid' | 'error_phone_not_mobile' };

/** Digits (any script), spaces and the usual separators, after a leading +. Nothing else. */
const TYPED = /^\+[\p{Nd}\s().-]{4,30}$/u;

/**
 * The one reading of a phone number, for forms and the auth API alike: international form only,
 * a number libphonenumber-js knows to be allocated, and one that can receive a text message.
 * Premium-rate, shared-cost, toll-free, fixed lines and unallocated ranges are refused, so no
 * code or notice is ever sent to them (and no SMS pumping through them).
 */
export function checkPhone(raw: unknown): PhoneCheck {
	if (typeof raw !== 'string') return { ok: false, reason: 'error_phone_invalid' };
	const typed = raw.trim();
	if (!TYPED.test(typed)) return { ok: false, reason: 'error_phone_invalid' };
	const parsed = parsePhoneNumberFromString(typed);
	if (!parsed || !parsed.isValid()) return { ok: false, reason: 'error_phone_invalid' };
	const type = parsed.getType();
	if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE')
		return { ok: false, reason: 'error_phone_not_mobile' };
	return { ok: true, e164: parsed.number };
}
