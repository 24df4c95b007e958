import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { startSmtp } from '../../../../tests/support/smtp.ts';
import { parseConfig } from './config.ts';
import { createAppContext, type AppContext } from '../app/context.ts';
import { outbox } from './schema.ts';

describe.each(DATABASES)('durable delivery on $kind', (target) => {
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	beforeAll(async () => {
		smtp = await startSmtp();
	});
	afterAll(() => smtp.close());

	/** A platform on a data directory that outlives it, so a restart finds what was queued. */
	const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-queue-'));
	const open = (reset: boolean) =>
		target.kind === 'pglite'
			? createAppContext(
					parseConfig({
						DATA_DIR: dataDir,
						SEED_DEMO: 'false',
						SEED_REFERENCE_DATA: 'false',
						AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
						LOG_LEVEL: 'silent',
						SMTP_URL: smtp.url
					})
				)
			: testServices(target, { SMTP_URL: smtp.url }, { reset });

	it('queues with the request, delivers once, and survives a restart before delivery', async () => {
		let s: AppContext = await open(true);
		await s.mailer.send({ to: 'amal@example.org', subject: 'Hello', text: 'First' });
		const [queued] = await s.database.db
			.select()
			.from(outbox)
			.where(eq(outbox.recipient, 'amal@example.org'));
		expect(queued.status).toBe('queued');
		expect(smtp.mails.filter((m) => m.to === 'amal@example.org')).toHaveLength(0);
		await s.database.close();

		s = await open(false);
		try {
			expect(await s.queue.drain()).toMatchObject({ completed: 1, failed: 0 });
			expect(await s.queue.drain()).toMatchObject({ completed: 0 });
			const delivered = smtp.mails.filter((m) => m.to === 'amal@example.org');
			expect(delivered.map((m) => m.text.trim())).toEqual(['First']);
			const [sent] = await s.database.db
				.select()
				.from(outbox)
				.where(eq(outbox.recipient, 'amal@example.org'));
			expect(sent).toMatchObject({ status: 'sent', body: '', attempts: 1 });
		} finally {
			await s.database.close();
		}
	});

	it('sends a message written with its change when that commits, and nothing when it rolls back', async () => {
		const s = await testServices(target, { SMTP_URL: smtp.url });
		try {
			await s.database.db
				.transaction(async (tx) => {
					await s.mailer.send({ to: 'gone@example.org', subject: 'No', text: 'x' }, { tx });
					throw new Error('the request failed after queueing');
				})
				.catch(() => {});
			await s.database.db.transaction(async (tx) => {
				await s.mailer.send({ to: 'kept@example.org', subject: 'Yes', text: 'y' }, { tx });
			});
			expect(await s.queue.drain()).toEqual({ completed: 1, failed: 0 });
			expect(smtp.mails.filter((m) => m.to === 'gone@example.org')).toHaveLength(0);
			expect(smtp.mails.filter((m) => m.to === 'kept@example.org')).toHaveLength(1);
			const gone = await s.database.db
				.select()
				.from(outbox)
				.where(eq(outbox.recipient, 'gone@example.org'));
			expect(gone).toEqual([]);
			const left = await s.database.db.execute(
				sql`select count(*)::int as n from pgboss.job where name = 'deliver-email' and state <> 'completed'`
			);
			const rows = Array.isArray(left) ? left : (left as { rows: { n: number }[] }).rows;
			expect(Number((rows[0] as { n: number }).n)).toBe(0);
		} finally {
			await s.database.close();
		}
	});
});
