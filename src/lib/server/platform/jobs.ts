import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { logger } from './logger.ts';
import type { Services } from './services.ts';

export type Job = { name: string; run: (s: Services, now: Date) => Promise<unknown> };

/**
 * Claims a job for this run: one atomic upsert on a `setting` row, which succeeds only when the job
 * last ran more than `minIntervalMs` ago. With several instances only one wins; no connection or
 * transaction is held while the job works (the embedded database has a single connection).
 */
export async function claimJob(db: Db, name: string, now: Date, minIntervalMs: number) {
	const key = `job:${name}`;
	const before = new Date(now.getTime() - minIntervalMs).toISOString();
	const at = now.toISOString();
	const result = await db.execute(sql`
		insert into setting (key, value, updated_at) values (${key}, ${JSON.stringify({ lastRun: at })}::jsonb, ${at}::timestamptz)
		on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at
			where setting.updated_at <= ${before}::timestamptz
		returning key`);
	const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
	return rows.length > 0;
}

/** Runs each due job once; a failing job is logged and does not stop the others. */
export async function runJobs(
	s: Services,
	jobs: Job[],
	opts: { now?: Date; minIntervalMs?: number } = {}
) {
	const now = opts.now ?? new Date();
	const results: Record<string, unknown> = {};
	for (const job of jobs) {
		try {
			if (!(await claimJob(s.database.db, job.name, now, opts.minIntervalMs ?? 50 * 60 * 1000)))
				continue;
			results[job.name] = await job.run(s, now);
			logger.info({ job: job.name, result: results[job.name] }, 'job done');
		} catch (error) {
			logger.error({ err: error, job: job.name }, 'job failed');
		}
	}
	return results;
}

/** Runs the jobs shortly after start and then every `everyMs`; returns a stop function. */
export function startJobs(s: Services, jobs: Job[], everyMs = 60 * 60 * 1000) {
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await runJobs(s, jobs);
		} finally {
			running = false;
		}
	};
	const first = setTimeout(tick, 30_000);
	const timer = setInterval(tick, everyMs);
	first.unref();
	timer.unref();
	return () => {
		clearTimeout(first);
		clearInterval(timer);
	};
}
