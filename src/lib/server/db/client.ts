import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './pglite-lock.ts';

/** Queries are written with the query builder and the modules' tables: no relational schema here. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Database = {
	db: Db;
	kind: 'pglite' | 'postgres';
	close: () => Promise<void>;
	/**
	 * Hears `NOTIFY channel` from every instance on this database (PostgreSQL LISTEN, on a
	 * connection of its own that reconnects; PGlite's listen in-process). Returns the unlisten.
	 */
	listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
	/** The embedded database's own client (the job queue runs in-process on it). */
	pglite?: import('@electric-sql/pglite').PGlite;
	/** The PostgreSQL connection string (the job queue keeps its own small pool). */
	url?: string;
};

export type DatabaseOptions = {
	/** PostgreSQL connection string; absent means the embedded PGlite database. */
	url?: string;
	/** PGlite data directory; `memory://` keeps it in memory (tests). */
	pgliteDir?: string;
	sharedBuffersMb?: number;
	poolSize?: number;
};

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
	if (opts.url) {
		const { default: pg } = await import('pg');
		const { drizzle } = await import('drizzle-orm/node-postgres');
		// Many small concurrent queries: parallel workers cost more to start than they save. The
		// prepared statements keep PostgreSQL's own choice of plan (plan_cache_mode auto): forcing
		// the generic plan saved 1–2 ms of planning on some directory searches but made "teacher"
		// at 1,000,000 members 13 ms instead of 3.5 (bench/search/README.md).
		const pool = new pg.Pool({
			connectionString: opts.url,
			max: opts.poolSize ?? 10,
			options: '-c max_parallel_workers_per_gather=0'
		});
		const db = drizzle(pool) as unknown as Db;
		const listeners = new Set<() => Promise<void>>();
		const listen = async (channel: string, onPayload: (payload: string) => void) => {
			let client: InstanceType<typeof pg.Client> | null = null;
			let stopped = false;
			const connect = async (): Promise<void> => {
				if (stopped) return;
				const c = new pg.Client({ connectionString: opts.url });
				c.on('notification', (n) => {
					if (n.channel === channel && n.payload) onPayload(n.payload);
				});
				// A lost connection is made again after a second; notices sent meanwhile are missed
				// (pages reload what they show, so a missed one costs a reload, not a message).
				c.on('error', () => {
					c.end().catch(() => {});
					if (!stopped) setTimeout(() => void connect().catch(() => {}), 1000);
				});
				await c.connect();
				await c.query(`listen "${channel.replace(/"/g, '')}"`);
				client = c;
			};
			await connect();
			const stop = async () => {
				stopped = true;
				listeners.delete(stop);
				await client?.end().catch(() => {});
			};
			listeners.add(stop);
			return stop;
		};
		return {
			db,
			kind: 'postgres',
			url: opts.url,
			listen,
			close: async () => {
				await Promise.all([...listeners].map((stop) => stop()));
				await pool.end();
			}
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const dir = opts.pgliteDir ?? 'memory://';
	let release = () => {};
	if (!dir.startsWith('memory://')) {
		mkdirSync(path.dirname(dir), { recursive: true });
		release = lockDataDir(dir);
	}
	const client = await PGlite.create({
		dataDir: dir,
		extensions: { pg_trgm },
		// PostgreSQL's defaults assume a dedicated server; the embedded database shares a small
		// machine with the web server, so its buffers stay small (see docs/decisions/0002).
		postgresqlconf: [
			`shared_buffers = '${opts.sharedBuffersMb ?? 16}MB'`,
			`work_mem = '4MB'`,
			`maintenance_work_mem = '16MB'`
		]
	});
	const db = drizzle(client) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		pglite: client,
		listen: async (channel, onPayload) => {
			const unlisten = await client.listen(channel, onPayload);
			return () => unlisten();
		},
		close: async () => {
			await client.close();
			release();
		}
	};
}
