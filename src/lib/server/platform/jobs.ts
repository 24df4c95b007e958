import { sql } from 'drizzle-orm';
import { logger } from './logger.ts';
import type { Services } from './services.ts';

export type Job = { name: string; key: number; run: (s: Services, now: Date) => Promise<unknown> };

/**
 * Runs each job once, inside a transaction holding a PostgreSQL advisory lock for it, so that with
 * several instances only one does the work. A failing job is logged and does not stop the others.
 */
export async function runJobs(s: Services, jobs: Job[], now = new Date()) {
	const results: Record<string, unknown> = {};
	for (const job of jobs) {
		try {
			await s.database.db.transaction(async (tx) => {
				const rows = await tx.execute(sql`select pg_try_advisory_xact_lock(${job.key}) as locked`);
				const locked =
					(rows as unknown as { rows?: { locked: boolean }[] }).rows?.[0]?.locked ??
					(rows as unknown as { locked: boolean }[])[0]?.locked;
				if (!locked) return;
				results[job.name] = await job.run(s, now);
			});
			if (results[job.name] !== undefined)
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
