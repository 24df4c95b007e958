import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { startSmsWebhook } from '../../../../tests/support/sms-webhook.ts';
import type { Services } from '../platform/services.ts';
import { outbox } from '../platform/schema.ts';
import { user } from './schema.ts';
import { needsName } from './phone-sign-in.ts';

describe.each(DATABASES)('phone sign-in on $kind', (target) => {
	let s: Services;
	let sms: Awaited<ReturnType<typeof startSmsWebhook>>;
	beforeAll(async () => {
		sms = await startSmsWebhook();
		s = await testServices(target, { SMS_WEBHOOK_URL: sms.url });
	});
	afterAll(async () => {
		await s.database.close();
		await sms.close();
	});

	const phone = '+33612345678';
	const codeFor = (to: string) =>
		sms.messages
			.filter((m) => m.to === to)
			.at(-1)
			?.body.match(/\b(\d{6})\b/)?.[1];

	it('sends a 6-digit code to the webhook and creates a phone-only account, named after the code', async () => {
		await s.auth.api.sendPhoneNumberOTP({ body: { phoneNumber: phone } });
		const code = codeFor(phone);
		expect(code).toMatch(/^\d{6}$/);
		const result = await s.auth.api.verifyPhoneNumber({
			body: { phoneNumber: phone, code: code!, locale: 'ar' },
			returnHeaders: true
		});
		expect(result.response.token).toBeTruthy();
		expect(needsName(result.response.user)).toBe(true);
		const cookie = result.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		await s.auth.api.updateUser({ body: { name: 'ليلى حداد' }, headers: new Headers({ cookie }) });
		const [row] = await s.database.db.select().from(user).where(eq(user.phoneNumber, phone));
		expect(needsName(row)).toBe(false);
		expect(row.name).toBe('ليلى حداد');
		expect(row.phoneNumberVerified).toBe(true);
		expect(row.locale).toBe('ar');
	});

	it('signs the same person in again with a new code, without a second account', async () => {
		await s.auth.api.sendPhoneNumberOTP({ body: { phoneNumber: phone } });
		const result = await s.auth.api.verifyPhoneNumber({
			body: { phoneNumber: phone, code: codeFor(phone)! }
		});
		const rows = await s.database.db.select().from(user).where(eq(user.phoneNumber, phone));
		expect(rows).toHaveLength(1);
		expect(result.user!.id).toBe(rows[0].id);
	});

	it('refuses a wrong code', async () => {
		await s.auth.api.sendPhoneNumberOTP({ body: { phoneNumber: phone } });
		const right = codeFor(phone)!;
		const wrong = right === '000000' ? '111111' : '000000';
		await expect(
			s.auth.api.verifyPhoneNumber({ body: { phoneNumber: phone, code: wrong } })
		).rejects.toMatchObject({
			body: { code: 'INVALID_OTP' }
		});
	});

	it('keeps a failed SMS in the outbox and reports the failure', async () => {
		sms.failNextRequests(1);
		await expect(
			s.auth.api.sendPhoneNumberOTP({ body: { phoneNumber: '+34612345678' } })
		).rejects.toThrow();
		const rows = await s.database.db
			.select()
			.from(outbox)
			.where(eq(outbox.recipient, '+34612345678'));
		expect(rows.map((r) => r.status)).toEqual(['failed']);
	});
});
