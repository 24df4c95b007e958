import { expect, test } from '@playwright/test';
import pg from 'pg';
import { startExtraInstance } from './stack/extra-instance.ts';

// On the embedded database a whole request runs in one turn of the event loop, so requests never
// overlap and no queue forms; on PostgreSQL they wait on the network, as in production.
const databaseUrl = process.env.TEST_DATABASE_URL;

test.describe('an instance past its capacity, on PostgreSQL', () => {
	test.skip(!databaseUrl, 'needs TEST_DATABASE_URL (CI sets it)');
	let instance: Awaited<ReturnType<typeof startExtraInstance>>;
	test.beforeAll(async () => {
		test.setTimeout(90_000);
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		await client.query(
			'drop schema if exists public cascade; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; create schema public;'
		);
		await client.end();
		instance = await startExtraInstance({
			DATABASE_URL: databaseUrl!,
			LOG_LEVEL: 'error',
			// One request at a time, two waiting: a burst must meet the gate.
			MAX_CONCURRENT_REQUESTS: '1',
			MAX_QUEUED_REQUESTS: '2',
			QUEUE_TIMEOUT_MS: '2000'
		});
	});
	test.afterAll(() => instance.stop());

	test('answers at once with 503 and Retry-After, never a 500 or a cut connection', async () => {
		const answers = await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				fetch(`${instance.url}/en/members?q=${i % 2 ? 'amani' : 'mohamed'}`).then(
					async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after') }),
					(error: Error) => ({ status: 0, retryAfter: error.message })
				)
			)
		);
		const statuses = answers.map((a) => a.status);
		expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
		expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
		expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
		for (const a of answers.filter((x) => x.status === 503)) expect(a.retryAfter).toBe('2');
		// Once the burst is over, the instance answers normally.
		expect((await fetch(`${instance.url}/en/members`)).status).toBe(200);
		expect((await fetch(`${instance.url}/healthz`)).status).toBe(200);
	});
});
