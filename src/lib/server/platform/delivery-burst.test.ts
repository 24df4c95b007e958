import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSmtp } from '../../../../tests/support/smtp.ts';
import { parseConfig } from './config.ts';
import { createAppContext, type AppContext } from '../app/context.ts';

// Running workers (a server), not a drain: six messages queued at once all leave. pg-boss's
// backstop poll is 30 s and notices that arrive while a worker is busy collapse into one, so with
// one job per fetch half of such a burst waited 30 s or more (platform/queue.ts).
describe('a burst of messages on a running server (embedded database)', () => {
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	let s: AppContext;
	beforeAll(async () => {
		smtp = await startSmtp();
		s = await createAppContext(
			parseConfig({
				DATA_DIR: mkdtempSync(path.join(tmpdir(), 'passerelle-burst-')),
				SEED_DEMO: 'false',
				SEED_REFERENCE_DATA: 'false',
				AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
				LOG_LEVEL: 'silent',
				SMTP_URL: smtp.url
			}),
			{ workers: true }
		);
	}, 60_000);
	afterAll(async () => {
		await s?.database.close();
		await smtp?.close();
	});

	it('delivers every message of the burst without waiting for the backstop poll', async () => {
		const to = [1, 2, 3, 4, 5, 6].map((i) => `burst-${i}@example.org`);
		await Promise.all(to.map((t) => s.mailer.send({ to: t, subject: 'Hello', text: 'x' })));
		// Well under the 30 s backstop; normally about a second.
		await expect
			.poll(() => smtp.mails.filter((m) => to.includes(m.to)).length, {
				timeout: 15_000,
				interval: 100
			})
			.toBe(6);
	}, 30_000);
});
