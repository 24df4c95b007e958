import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { startSmsWebhook } from '../../../../tests/support/sms-webhook.ts';
import type { AppContext } from '../app/context.ts';
import { session, user, verification } from './schema.ts';

/** The auth API as an outside client reaches it: HTTP requests to /api/auth/*. */
describe.each(DATABASES)('auth API rules on $kind', (target) => {
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

	let client = 0;
	const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
		s.auth.handler(
			new Request(`${s.config.origin}/api/auth${path}`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					origin: s.config.origin,
					'x-forwarded-for': `203.0.113.${++client % 250}`,
					...headers
				},
				body: JSON.stringify(body)
			})
		);
	const codeFor = async (to: string) => {
		await s.queue.drain();
		return sms.messages
			.filter((m) => m.to === to)
			.at(-1)
			?.body.match(/\b(\d{6})\b/)?.[1];
	};
	const usersNamed = (name: string) => s.database.db.select().from(user).where(eq(user.name, name));

	it('refuses the reserved phone-account domain on e-mail sign-up, so the number stays its owner’s', async () => {
		const squatted = await post('/sign-up/email', {
			name: 'Squatter',
			email: '33612345670@phone.passerelle.invalid',
			password: 'a sturdy passphrase'
		});
		expect(squatted.status).toBe(400);
		expect(await usersNamed('Squatter')).toEqual([]);
		for (const email of ['x@something.invalid', 'x@localhost', 'x@mail.test']) {
			expect(
				(await post('/sign-up/email', { name: 'Res', email, password: 'a sturdy passphrase' }))
					.status
			).toBe(400);
		}

		expect((await post('/phone-number/send-otp', { phoneNumber: '+33612345670' })).status).toBe(
			200
		);
		const verified = await post('/phone-number/verify', {
			phoneNumber: '+33612345670',
			code: await codeFor('+33612345670')
		});
		expect(verified.status).toBe(200);
	});

	it('applies the form’s name rules to names given through the API', async () => {
		for (const name of ['<b>x</b>', 'a\u202eb', '   ', 'x'.repeat(101)]) {
			const response = await post('/sign-up/email', {
				name,
				email: `n-${client}@example.org`,
				password: 'a sturdy passphrase'
			});
			expect(response.status).toBe(400);
		}
		expect(await s.database.db.select().from(user).where(like(user.email, 'n-%'))).toEqual([]);
	});

	it('sends codes only to real mobile numbers, normalised to E.164', async () => {
		const before = sms.messages.length;
		for (const phoneNumber of [
			'hello',
			'+1900555000<script>',
			'+19005550000',
			'+33899123456',
			'+33140000000',
			'+33712345678',
			''
		]) {
			const response = await post('/phone-number/send-otp', { phoneNumber });
			expect(response.status, phoneNumber).toBe(400);
		}
		await s.queue.drain();
		expect(sms.messages.length).toBe(before);

		expect(
			(await post('/phone-number/send-otp', { phoneNumber: '+33 6 12 34 56 71' })).status
		).toBe(200);
		await s.queue.drain();
		expect(sms.messages.at(-1)?.to).toBe('+33612345671');
		const first = await post('/phone-number/verify', {
			phoneNumber: '+33612345671',
			code: await codeFor('+33612345671')
		});
		expect(first.status).toBe(200);

		// A spaced form of the same number is the same account, not a 500.
		await post('/phone-number/send-otp', { phoneNumber: '+33 6 12 34 56 71' });
		const again = await post('/phone-number/verify', {
			phoneNumber: '+33 6 12 34 56 71',
			code: await codeFor('+33612345671')
		});
		expect(again.status).toBe(200);
		expect(
			await s.database.db.select().from(user).where(eq(user.phoneNumber, '+33612345671'))
		).toHaveLength(1);

		const hello = await post('/phone-number/verify', { phoneNumber: 'hello', code: '123456' });
		expect(hello.status).toBe(400);
		expect(await s.database.db.select().from(user).where(eq(user.phoneNumber, 'hello'))).toEqual(
			[]
		);
	});

	it('limits codes per number, whoever asks, and tries per number', async () => {
		const phoneNumber = '+34612000111';
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++)
			statuses.push((await post('/phone-number/send-otp', { phoneNumber })).status);
		expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
		expect(statuses.slice(5)).toEqual([429, 429]);
		await s.queue.drain();
		expect(sms.messages.filter((m) => m.to === phoneNumber)).toHaveLength(5);

		const tries: number[] = [];
		for (let i = 0; i < 12; i++)
			tries.push((await post('/phone-number/verify', { phoneNumber, code: '000000' })).status);
		expect(tries.at(-1)).toBe(429);
	});

	it('limits password guesses per account across client addresses', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 12; i++)
			statuses.push(
				(
					await post('/sign-in/email', {
						email: 'target@example.org',
						password: `guess number ${i}`
					})
				).status
			);
		expect(statuses.slice(0, 10).every((st) => st === 401)).toBe(true);
		expect(statuses.slice(10)).toEqual([429, 429]);
	});

	it('keeps one-time codes and session tokens only as hashes', async () => {
		const phoneNumber = '+34612000222';
		await post('/phone-number/send-otp', { phoneNumber });
		const code = (await codeFor(phoneNumber))!;
		const rows = await s.database.db.select().from(verification);
		const dump = JSON.stringify(rows);
		expect(dump).not.toContain(code);
		expect(dump).not.toContain(phoneNumber);

		const response = await post('/phone-number/verify', { phoneNumber, code });
		const cookie = response.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		const token = decodeURIComponent(cookie.match(/session_token=([^;.]+)/)![1]);
		const stored = await s.database.db.select({ token: session.token }).from(session);
		expect(stored.map((r) => r.token)).not.toContain(token);
		expect(stored.every((r) => r.token.startsWith('h1$'))).toBe(true);
		// The cookie still signs the person in, and signing out still ends the session.
		const found = await s.auth.api.getSession({ headers: new Headers({ cookie }) });
		expect(found?.user.phoneNumber).toBe(phoneNumber);
		await s.auth.api.signOut({ headers: new Headers({ cookie }) });
		expect(await s.auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
	});

	it('spends a code after five wrong tries, even if the right one comes next', async () => {
		const phoneNumber = '+34612000333';
		await post('/phone-number/send-otp', { phoneNumber });
		const code = (await codeFor(phoneNumber))!;
		const wrong = code === '000000' ? '111111' : '000000';
		for (let i = 0; i < 5; i++)
			expect((await post('/phone-number/verify', { phoneNumber, code: wrong })).status).toBe(400);
		expect((await post('/phone-number/verify', { phoneNumber, code })).status).toBe(400);
	});
});
