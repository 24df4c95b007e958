import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { startSmtp } from '../../../../tests/support/smtp.ts';
import type { AppContext } from '../app/context.ts';
import { outbox } from '../platform/schema.ts';
import { user } from './schema.ts';

describe.each(DATABASES)('e-mail sign-up on $kind', (target) => {
	let s: AppContext;
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	beforeAll(async () => {
		smtp = await startSmtp();
		s = await testServices(target, { SMTP_URL: smtp.url });
	});
	afterAll(async () => {
		await s.database.close();
		await smtp.close();
	});

	it('creates an unverified account and e-mails a confirmation link through SMTP', async () => {
		await s.auth.api.signUpEmail({
			body: {
				name: 'Nguyễn Thị Lan',
				email: 'lan@example.org',
				password: 'a sturdy passphrase',
				locale: 'fr'
			}
		});
		const [row] = await s.database.db.select().from(user).where(eq(user.email, 'lan@example.org'));
		expect(row.name).toBe('Nguyễn Thị Lan');
		expect(row.emailVerified).toBe(false);
		expect(row.locale).toBe('fr');
		// Queued with the request, delivered by the job queue.
		expect(smtp.mails.find((m) => m.to === 'lan@example.org')).toBeUndefined();
		expect(await s.queue.drain()).toMatchObject({ completed: 1, failed: 0 });
		const mail = smtp.mails.find((m) => m.to === 'lan@example.org');
		expect(mail?.subject).toContain('Confirm');
		expect(mail?.text).toMatch(/\/api\/auth\/verify-email\?token=/);
		// Delivered messages keep no body (the link must not outlive delivery).
		const [kept] = await s.database.db
			.select()
			.from(outbox)
			.where(eq(outbox.recipient, 'lan@example.org'));
		expect(kept.status).toBe('sent');
		expect(kept.body).toBe('');
	});

	it('refuses a name with a bidi override through the API too, and stores nothing', async () => {
		const before = await s.database.db.select({ n: count() }).from(user);
		await expect(
			s.auth.api.signUpEmail({
				body: {
					name: 'evil\u202Egnp.exe',
					email: 'bidi@example.org',
					password: 'a sturdy passphrase'
				}
			})
		).rejects.toThrow();
		const after = await s.database.db.select({ n: count() }).from(user);
		expect(after[0].n).toBe(before[0].n);
	});

	it('refuses a 10,000-character name and stores nothing', async () => {
		await expect(
			s.auth.api.signUpEmail({
				body: {
					name: 'x'.repeat(10_000),
					email: 'long@example.org',
					password: 'a sturdy passphrase'
				}
			})
		).rejects.toThrow();
		const rows = await s.database.db.select().from(user).where(eq(user.email, 'long@example.org'));
		expect(rows).toHaveLength(0);
	});

	it('keeps Arabic, Chinese and accented names intact', async () => {
		for (const [i, name] of ['محمد الحداد', '王秀英', 'Zoë Ångström-Núñez'].entries()) {
			await s.auth.api.signUpEmail({
				body: { name, email: `intl${i}@example.org`, password: 'a sturdy passphrase' }
			});
			const [row] = await s.database.db
				.select()
				.from(user)
				.where(eq(user.email, `intl${i}@example.org`));
			expect(row.name).toBe(name);
		}
	});

	it('will not sign in before the address is confirmed', async () => {
		await expect(
			s.auth.api.signInEmail({
				body: { email: 'lan@example.org', password: 'a sturdy passphrase' }
			})
		).rejects.toMatchObject({ body: { code: 'EMAIL_NOT_VERIFIED' } });
	});
});
