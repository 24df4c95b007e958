import { describe, expect, it } from 'vitest';
import { passerelleSignature, twilioSignature } from '../../platform/webhook-signature.ts';
import { readInbound } from './inbound-request.ts';

const SECRET = 'inbound-secret-0123';
const URL_ = 'https://passerelle.test/api/sms/inbound';
const now = Date.UTC(2026, 11, 2, 9);
const ts = String(Math.floor(now / 1000));

const signed = (body: string, type: string, timestamp = ts, secret = SECRET) =>
	new Headers({
		'content-type': type,
		'x-passerelle-timestamp': timestamp,
		'x-passerelle-signature': passerelleSignature(secret, timestamp, body)
	});

describe('reading what a gateway forwards', () => {
	it('takes signed JSON and signed forms in the common field names', () => {
		const json = JSON.stringify({ from: '+221 77 123 45 67', text: 'HEALTH DAKAR' });
		expect(readInbound(signed(json, 'application/json'), json, URL_, SECRET, now)).toEqual({
			ok: true,
			value: { from: '+221771234567', text: 'HEALTH DAKAR', format: 'json' }
		});
		const form = 'msisdn=33612345678&text=logement+lyon';
		expect(
			readInbound(signed(form, 'application/x-www-form-urlencoded'), form, URL_, SECRET, now)
		).toEqual({ ok: true, value: { from: '33612345678', text: 'logement lyon', format: 'form' } });
	});

	it('takes a Twilio form signed by Twilio over the URL and sorted fields', () => {
		const params = new URLSearchParams({ From: '+34600111222', Body: 'salud madrid', To: '+3400' });
		const headers = new Headers({
			'content-type': 'application/x-www-form-urlencoded',
			'x-twilio-signature': twilioSignature(SECRET, URL_, params)
		});
		expect(readInbound(headers, params.toString(), URL_, SECRET, now)).toMatchObject({
			value: { from: '+34600111222', text: 'salud madrid', format: 'twilio' }
		});
		// Signed for another address: refused.
		expect(readInbound(headers, params.toString(), `${URL_}?x=1`, SECRET, now)).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
	});

	it('refuses what is unsigned, signed with another secret, altered, replayed or not a number', () => {
		const json = JSON.stringify({ from: '+221771234567', text: 'HEALTH DAKAR' });
		const plain = new Headers({ 'content-type': 'application/json' });
		expect(readInbound(plain, json, URL_, SECRET, now)).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
		const other = signed(json, 'application/json', ts, 'another-secret-xyz');
		expect(readInbound(other, json, URL_, SECRET, now)).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
		const headers = signed(json, 'application/json');
		expect(readInbound(headers, json.replace('DAKAR', 'LYON'), URL_, SECRET, now)).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
		expect(readInbound(headers, json, URL_, SECRET, now + 301_000)).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
		const bad = JSON.stringify({ from: 'alice', text: 'x' });
		expect(readInbound(signed(bad, 'application/json'), bad, URL_, SECRET, now)).toMatchObject({
			kind: 'invalid',
			errors: { from: 'invalid_sender' }
		});
		const notJson = '{"from":';
		expect(
			readInbound(signed(notJson, 'application/json'), notJson, URL_, SECRET, now)
		).toMatchObject({ kind: 'invalid', errors: { form: 'invalid_json' } });
		expect(
			readInbound(new Headers({ 'content-type': 'text/plain' }), 'x', URL_, SECRET, now)
		).toMatchObject({ errors: { form: 'unsupported_media_type' } });
	});
});
