import { logger } from './logger.ts';
import type { PlatformContext } from './context.ts';

/** A recurring job: the composition root (app/jobs.ts) lists them, the queue runs them. */
export type Job = {
	name: string;
	/** When the queue runs it (cron, UTC). */
	cron: string;
	run: (s: PlatformContext, now: Date) => Promise<unknown>;
};

/** Runs each job once, now (the `jobs run` command); a failing job does not stop the others. */
export async function runJobs(s: PlatformContext, jobs: Job[], now = new Date()) {
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
