import { failure, ok, type Result } from '../../platform/result.ts';
import {
	verifyPasserelleSignature,
	verifyTwilioSignature
} from '../../platform/webhook-signature.ts';

export type InboundText = { from: string; text: string; format: 'json' | 'form' | 'twilio' };

const first = (read: (name: string) => unknown, names: string[]) => {
	for (const name of names) {
		const value = read(name);
		if (typeof value === 'string' && value.trim()) return value;
	}
	return '';
};
/** Not signed with the shared secret (or signed for another body, address or time). */
const unsigned = failure('forbidden', { form: 'invalid_signature' });

const FROM = ['from', 'From', 'msisdn', 'sender', 'phone', 'phoneNumber'];
const TEXT = ['text', 'Body', 'body', 'message', 'content'];

/** A sender as an international number of digits ("+221 77 123 45 67" → "+221771234567"). */
function senderOf(raw: string) {
	const digits = raw.replace(/[\s().-]/g, '');
	return /^\+?\d{6,17}$/.test(digits) ? digits : null;
}

/**
 * Reads a text a gateway forwards: JSON or a form, signed with Passerelle's own headers, or a
 * Twilio form signed by Twilio. `publicUrl` is the address the gateway was given (ORIGIN and the
 * path), which Twilio's signature covers. Returns the sender and the words, or why it is refused.
 */
export function readInbound(
	headers: Headers,
	body: string,
	publicUrl: string,
	secret: string,
	now = Date.now()
): Result<InboundText> {
	const type = (headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	const twilio = headers.get('x-twilio-signature');
	let fields: (name: string) => unknown;
	let format: InboundText['format'];
	if (type === 'application/x-www-form-urlencoded') {
		const form = new URLSearchParams(body);
		const signed = twilio
			? verifyTwilioSignature(secret, publicUrl, form, twilio)
			: verifyPasserelleSignature(
					secret,
					body,
					headers.get('x-passerelle-timestamp'),
					headers.get('x-passerelle-signature'),
					now
				);
		if (!signed) return unsigned;
		fields = (name) => form.get(name);
		format = twilio ? 'twilio' : 'form';
	} else if (type === 'application/json') {
		const signed = verifyPasserelleSignature(
			secret,
			body,
			headers.get('x-passerelle-timestamp'),
			headers.get('x-passerelle-signature'),
			now
		);
		if (!signed) return unsigned;
		let parsed: unknown;
		try {
			parsed = JSON.parse(body);
		} catch {
			return failure('invalid', { form: 'invalid_json' });
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
			return failure('invalid', { form: 'invalid_body' });
		const object = parsed as Record<string, unknown>;
		fields = (name) => object[name];
		format = 'json';
	} else {
		return failure('invalid', { form: 'unsupported_media_type' });
	}
	const from = senderOf(first(fields, FROM));
	if (!from) return failure('invalid', { from: 'invalid_sender' });
	return ok({ from, text: first(fields, TEXT).slice(0, 1600), format });
}
