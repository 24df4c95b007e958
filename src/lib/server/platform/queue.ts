import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss, type JobResult } from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { logger } from './logger.ts';

/**
 * Background work through pg-boss, a maintained PostgreSQL job queue, on both database modes: on
 * PostgreSQL with a small pool of its own (jobs run once across instances, survive restarts), and
 * in-process on the embedded database's own client. See docs/decisions/0012-job-queue.md.
 */
export type JobContext = { id: string; attempt: number; lastAttempt: boolean };
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<unknown>;

export type QueueDefinition = {
	name: string;
	handler: JobHandler;
	/** Retries after the first attempt, with exponential back-off from `retryDelaySeconds`. */
	retryLimit?: number;
	retryDelaySeconds?: number;
	/** How long one attempt may run before it is considered lost and retried. */
	expireInSeconds?: number;
	/** A cron expression (UTC) for recurring jobs. */
	cron?: string;
};

export type Queue = {
	/** Declares a job (its queue, retries, schedule); before `startWorkers`. */
	define(definition: QueueDefinition): Promise<void>;
	/** Adds a job; within `tx` it is committed or rolled back with the caller's writes. */
	enqueue(
		name: string,
		payload: Record<string, unknown>,
		opts?: { tx?: Tx; startAfter?: Date }
	): Promise<void>;
	/** Runs every job that is due, here and now, until none is left (tests, the CLI). */
	drain(): Promise<{ completed: number; failed: number }>;
	/** Starts polling and the recurring schedules (servers), once everything they use is ready. */
	startWorkers(): Promise<void>;
	stop(): Promise<void>;
};

type Options = {
	/** Poll and run jobs in this process (servers); off for tests and commands, which drain. */
	workers: boolean;
	/** Recurring jobs are scheduled by the instances that run workers. */
	schedules?: boolean;
};

export async function createQueue(database: Database, opts: Options): Promise<Queue> {
	const boss = database.pglite
		? new PgBoss({
				db: fromPglite(database.pglite),
				backend: 'pglite',
				schema: 'pgboss',
				useListenNotify: true,
				schedule: opts.workers && opts.schedules !== false,
				supervise: opts.workers,
				monitorIntervalSeconds: 30
			})
		: new PgBoss({
				connectionString: database.url,
				max: 3,
				schema: 'pgboss',
				useListenNotify: opts.workers,
				schedule: opts.workers && opts.schedules !== false,
				supervise: opts.workers,
				monitorIntervalSeconds: 30
			});
	boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
	await boss.start();
	const definitions: QueueDefinition[] = [];
	const handlers = new Map<string, QueueDefinition>();

	const run = async (
		d: QueueDefinition,
		job: { id: string; data: unknown; retryCount?: number }
	) => {
		const attempt = (job.retryCount ?? 0) + 1;
		const ctx = { id: job.id, attempt, lastAttempt: attempt > (d.retryLimit ?? 5) };
		return d.handler((job.data ?? {}) as Record<string, unknown>, ctx);
	};

	return {
		async define(d) {
			await boss.createQueue(d.name, {
				retryLimit: d.retryLimit ?? 5,
				retryDelay: d.retryDelaySeconds ?? 30,
				retryBackoff: true,
				retryDelayMax: 3600,
				expireInSeconds: d.expireInSeconds ?? 120,
				notify: true
			});
			definitions.push(d);
			handlers.set(d.name, d);
		},
		async startWorkers() {
			if (!opts.workers) return;
			for (const d of definitions)
				if (d.cron && opts.schedules !== false) await boss.schedule(d.name, d.cron);
			// Up to five jobs per fetch, run one after another, each settled on its own (a failed
			// delivery is retried alone); a full fetch fetches again at once. NOTIFY wakes an idle
			// worker, but notices that arrive while it works collapse into one, so the backstop poll
			// is 2 s, not pg-boss's 30 s: a burst of messages (six sign-ups at once) used to wait that
			// long each. Five messages of at most 10 s each stay within a job's 60 s lease.
			const options = {
				includeMetadata: true,
				batchSize: 5,
				burstWhenBatchFull: true,
				perJobResults: true,
				notifyPollingIntervalSeconds: 2
			} as const;
			for (const d of definitions)
				await boss.work(d.name, options, async (jobs) => {
					const results: JobResult[] = [];
					for (const job of jobs) {
						try {
							results.push({ id: job.id, status: 'completed', output: await run(d, job) });
						} catch (error) {
							logger.warn({ err: error, job: d.name, id: job.id }, 'job attempt failed');
							results.push({ id: job.id, status: 'failed', output: { message: String(error) } });
						}
					}
					return results;
				});
		},
		async enqueue(name, payload, options = {}) {
			if (!handlers.has(name)) throw new Error(`queue: no job called ${name}`);
			await boss.send(name, payload, {
				...(options.startAfter ? { startAfter: options.startAfter } : {}),
				...(options.tx
					? { db: fromDrizzle(options.tx as unknown as Parameters<typeof fromDrizzle>[0], sql) }
					: {})
			});
		},
		async drain() {
			const out = { completed: 0, failed: 0 };
			for (let round = 0; round < 100; round++) {
				let any = false;
				for (const d of definitions) {
					const jobs = await boss.fetch(d.name, { batchSize: 20, includeMetadata: true });
					for (const job of jobs) {
						any = true;
						try {
							await run(d, job);
							await boss.complete(d.name, job.id);
							out.completed++;
						} catch (error) {
							await boss.fail(d.name, job.id, { message: (error as Error).message });
							out.failed++;
						}
					}
				}
				if (!any) break;
			}
			return out;
		},
		stop: () => boss.stop({ graceful: true, timeout: 10_000 })
	};
}
