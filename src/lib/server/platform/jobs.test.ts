import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import type { Services } from './services.ts';
import { claimJob, runJobs, type Job } from './jobs.ts';

describe.each(DATABASES)('background jobs on $kind', (target) => {
	let s: Services;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());

	it('runs a job once per interval, even when instances race for it', async () => {
		const now = new Date('2026-11-22T10:00:00Z');
		const claims = await Promise.all(
			[1, 2, 3].map(() => claimJob(s.database.db, 'race', now, 3_600_000))
		);
		expect(claims.filter(Boolean)).toHaveLength(1);
		expect(await claimJob(s.database.db, 'race', new Date('2026-11-22T10:59:00Z'), 3_600_000)).toBe(
			false
		);
		expect(await claimJob(s.database.db, 'race', new Date('2026-11-22T11:00:00Z'), 3_600_000)).toBe(
			true
		);
	});

	it('a job can use the database while it runs, and a failing job does not stop the next', async () => {
		let ran = 0;
		const jobs: Job[] = [
			{
				name: 'fails',
				run: async () => {
					throw new Error('boom');
				}
			},
			{
				name: 'reads',
				run: async (svc) => {
					ran++;
					return (await svc.database.db.execute('select 1 as one')) ? 'ok' : 'no';
				}
			}
		];
		const results = await runJobs(s, jobs, { now: new Date('2026-11-22T12:00:00Z') });
		expect(results).toEqual({ reads: 'ok' });
		await runJobs(s, jobs, { now: new Date('2026-11-22T12:10:00Z') });
		expect(ran).toBe(1);
	});
});
