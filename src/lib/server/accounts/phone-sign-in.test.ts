import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { startSmsWebhook } from '../../../../tests/support/sms-webhook.ts';
import type { AppContext } from '../app/context.ts';
import { outbox } from '../platform/schema.ts';
import { user } from './schema.ts';
import { needsName } from './phone-sign-in.ts';

describe.each(DATABASES)('phone sign-in on $kind', (target) => {
	let s: AppContext;
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
	const codeFor = async (to: string) => {
		await s.queue.drain();
		return sms.messages
			.filter((m) => m.to === to)
			.at(-1)
			?.body.match(/\b(\d{6})\b/)?.[1];
	};

	it('sends a 6-digit code to the webhook and creates a phone-only account, named after the code', async () => {
		await s.auth.api.sendPhoneNumberOTP({ body: { phoneNumber: phone } });
		const code = await codeFor(phone);
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
			body: { phoneNumber: phone, code: (await codeFor(phone))! }
		});
		const rows = await s.database.db.select().from(user).where(eq(user.phoneNumber, phone));
		expect(rows).toHaveLength(1);
		expect(result.user!.id).toBe(rows[0].id);
	});

	it('refuses a wrong code', async () => {
		await s.auth.api.sendPhoneNumberOTP({ body: { phoneNumber: phone } });
		const right = (await codeFor(phone))!;
		const wrong = right === '000000' ? '111111' : '000000';
		await expect(
			s.auth.api.verifyPhoneNumber({ body: { phoneNumber: phone, code: wrong } })
		).rejects.toMatchObject({
			body: { code: 'INVALID_OTP' }
		});
	});

	it('keeps a failed SMS in the outbox, retries it, and sends it once the gateway answers', async () => {
		sms.failNextRequests(1);
		await s.auth.api.sendPhoneNumberOTP({ body: { phoneNumber: '+34612345678' } });
		expect(await s.queue.drain()).toMatchObject({ failed: 1 });
		const recipient = eq(outbox.recipient, '+34612345678');
		const [failed] = await s.database.db.select().from(outbox).where(recipient);
		expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
		expect(failed.error).toContain('503');
		// The retry waits out its back-off; once due, it goes through.
		await s.database.db.execute(
			sql`update pgboss.job set start_after = now() where name = 'deliver-sms' and state = 'retry'`
		);
		expect(await s.queue.drain()).toMatchObject({ completed: 1 });
		const [sent] = await s.database.db.select().from(outbox).where(recipient);
		expect(sent).toMatchObject({ status: 'sent', attempts: 2, body: '' });
		expect(sms.messages.filter((m) => m.to === '+34612345678')).toHaveLength(1);
	});
});
