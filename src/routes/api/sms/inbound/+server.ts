import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { problem } from '#lib/http/respond.ts';
import { readInbound } from '#lib/server/services/sms/inbound-request.ts';
import { answerText } from '#lib/server/services/sms/answer.ts';

const REFUSALS: Record<string, string> = {
	invalid_json: 'The body is not JSON',
	invalid_body: 'The body must be a JSON object',
	invalid_sender: 'The sender must be a phone number'
};
const TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Texts forwarded by an SMS gateway (docs/sms-gateways.md): answered through the queue with the
 * nearest services, so the gateway only waits for the acknowledgement. Off (404) without
 * SMS_INBOUND_SECRET.
 */
export const POST: RequestHandler = async ({ request, url }) => {
	const { config, database, sms } = await app();
	const secret = config.smsInboundSecret;
	if (!secret) return problem(404, 'not_found', 'Inbound SMS is not configured');
	const body = await request.text();
	const inbound = readInbound(
		request.headers,
		body,
		`${config.origin}${url.pathname}${url.search}`,
		secret
	);
	if (!inbound.ok) {
		const code = inbound.errors?.form ?? inbound.errors?.from ?? 'invalid';
		if (inbound.kind === 'forbidden')
			return problem(401, code, 'The request is not signed with the inbound SMS secret');
		if (code === 'unsupported_media_type')
			return problem(415, code, 'Send application/json or application/x-www-form-urlencoded');
		return problem(400, code, REFUSALS[code] ?? 'The request is not valid');
	}
	const { from, text, format } = inbound.value;
	const { replied } = await answerText(
		{ db: database.db, sms, origin: config.origin, secret },
		from,
		text
	);
	if (format === 'twilio')
		return new Response(TWIML, { headers: { 'content-type': 'text/xml; charset=utf-8' } });
	return new Response(JSON.stringify({ accepted: true, replied }), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
};
