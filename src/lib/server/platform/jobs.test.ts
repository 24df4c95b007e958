import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { JOBS } from '../app/jobs.ts';
import { runJobs, type Job } from './jobs.ts';
import { refreshStatistics } from './statistics.ts';
import { buildMember } from '../test/factories.ts';

describe.each(DATABASES)('background jobs on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());

	it('declares every recurring job with the queue, which runs it with the database', async () => {
		const scheduled = await s.database.db.execute('select name from pgboss.queue order by name');
		const names = (
			Array.isArray(scheduled) ? scheduled : (scheduled as { rows: unknown[] }).rows
		).map((r) => (r as { name: string }).name);
		for (const job of JOBS) expect(names).toContain(job.name);
		for (const job of JOBS) await s.queue.enqueue(job.name, {});
		expect(await s.queue.drain()).toEqual({ completed: JOBS.length, failed: 0 });
	});

	it('runs each job on demand, and a failing job does not stop the next', async () => {
		const jobs: Job[] = [
			{
				name: 'fails',
				cron: '0 * * * *',
				run: async () => {
					throw new Error('boom');
				}
			},
			{
				name: 'reads',
				cron: '0 * * * *',
				run: async (svc) => ((await svc.database.db.execute('select 1 as one')) ? 'ok' : 'no')
			}
		];
		expect(await runJobs(s, jobs)).toEqual({ fails: { failed: 'boom' }, reads: 'ok' });
	});

	it('refreshes the planner statistics where no autovacuum does (the embedded database)', async () => {
		for (let i = 0; i < 5; i++) await buildMember(s);
		const result = await refreshStatistics(s.database);
		if (target.kind === 'postgres')
			return expect(result).toEqual({ tables: 0, reason: 'autovacuum' });
		expect(result.tables).toBeGreaterThan(20);
		const rows = await s.database.db.execute(
			"select reltuples::int as n from pg_class where relname = 'user' and relkind = 'r'"
		);
		const [row] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
			n: number;
		}[];
		// -1 means never analysed.
		expect(row.n).toBeGreaterThanOrEqual(5);
	});
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
	it('run a queued job once between them', async () => {
		const target = { kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL };
		const one = await testServices(target);
		const two = await testServices(target, {}, { reset: false });
		try {
			for (let i = 0; i < 5; i++) await one.queue.enqueue('stale-services', {});
			const [a, b] = await Promise.all([one.queue.drain(), two.queue.drain()]);
			expect(a.completed + b.completed).toBe(5);
			expect(a.failed + b.failed).toBe(0);
		} finally {
			await one.database.close();
			await two.database.close();
		}
	});
});
