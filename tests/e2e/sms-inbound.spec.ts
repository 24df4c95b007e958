import { expect, test } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { waitForSms } from './support.ts';
import { APP_ORIGIN, SMS_SECRET } from './stack/ports.ts';

// A text to the services line, as a gateway forwards it to the running server, and the reply
// read at the local SMS endpoint.
const signedJson = (from: string, text: string) => {
	const body = JSON.stringify({ from, text });
	const timestamp = String(Math.floor(Date.now() / 1000));
	const signature = `sha256=${createHmac('sha256', SMS_SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
	return {
		headers: {
			'content-type': 'application/json',
			'x-passerelle-timestamp': timestamp,
			'x-passerelle-signature': signature
		},
		data: body
	};
};

test('a text in French gets the nearest services in French, and the short link opens one', async ({
	request,
	page
}) => {
	const from = '+33700000101';
	const answer = await request.post('/api/sms/inbound', signedJson(from, 'logement à Lyon'));
	expect(answer.status()).toBe(200);
	expect(await answer.json()).toEqual({ accepted: true, replied: true });
	const reply = (await waitForSms(from)).body;
	expect(reply).toContain('Halte de nuit solidaire');
	const link = reply.match(/localhost:\d+\/fr\/s\/[A-Za-z0-9]+/)?.[0];
	expect(link).toBeTruthy();
	await page.goto(`http://${link}`);
	await expect(page.locator('h1')).toContainText('Halte de nuit');
});

test('Arabic, Spanish and English texts are answered in their language; unknown words get help', async ({
	request
}) => {
	const ask = async (from: string, text: string) => {
		expect((await request.post('/api/sms/inbound', signedJson(from, text))).status()).toBe(200);
		return (await waitForSms(from)).body;
	};
	expect(await ask('+33700000102', 'قانوني باريس')).toMatch(/\p{Script=Arabic}.*\/s\//su);
	expect(await ask('+33700000103', 'empleo Madrid')).toContain('Orientación laboral');
	expect(await ask('+33700000104', 'HEALTH DAKAR')).toContain('No HEALTH service found near Dakar');
	expect(await ask('+33700000105', 'hello')).toContain('Needs: HEALTH');
});

test('a Twilio form post signed by Twilio is answered; unsigned or forged posts are refused', async ({
	request
}) => {
	const url = `${APP_ORIGIN}/api/sms/inbound`;
	const form = { From: '+33700000106', Body: 'trabajo Madrid', To: '+34000000000' };
	const data = Object.keys(form)
		.sort()
		.map((k) => k + form[k as keyof typeof form])
		.join('');
	const signature = createHmac('sha1', SMS_SECRET)
		.update(url + data)
		.digest('base64');
	const twilio = await request.post('/api/sms/inbound', {
		form,
		headers: { 'x-twilio-signature': signature }
	});
	expect(twilio.status()).toBe(200);
	expect(await twilio.text()).toContain('<Response>');
	expect((await waitForSms(form.From)).body).toContain('Orientación laboral');

	const unsigned = await request.post('/api/sms/inbound', { form });
	expect(unsigned.status()).toBe(401);
	const forged = await request.post('/api/sms/inbound', {
		form: { ...form, Body: 'HELP' },
		headers: { 'x-twilio-signature': signature }
	});
	expect(forged.status()).toBe(401);
});
