import { logger } from './logger.ts';
import type { PlatformContext } from './context.ts';

/** A recurring job: the composition root (app/jobs.ts) lists them, the queue runs them. */
export type Job<C extends PlatformContext = PlatformContext> = {
	name: string;
	/** When the queue runs it (cron, UTC). */
	cron: string;
	run: (s: C, now: Date) => Promise<unknown>;
};

/** Runs each job once, now (the `jobs run` command); a failing job does not stop the others. */
export async function runJobs<C extends PlatformContext>(s: C, jobs: Job<C>[], now = new Date()) {
	const results: Record<string, unknown> = {};
	for (const job of jobs) {
		try {
			results[job.name] = await job.run(s, now);
			logger.info({ job: job.name, result: results[job.name] }, 'job done');
		} catch (error) {
			logger.error({ err: error, job: job.name }, 'job failed');
			results[job.name] = { failed: (error as Error).message };
		}
	}
	return results;
}
