// The databases the crash test runs on: the embedded one (PGlite, in a scratch data directory) and
// PostgreSQL (a scratch database `crash_test`, created and dropped here; never the `test` one).
// Each gives the server's environment and a direct connection for the checks afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';

export type Sql = {
	query<T>(text: string, params?: unknown[]): Promise<T[]>;
	close(): Promise<void>;
};

export type Target = {
	name: string;
	env: Record<string, string>;
	/** Reads the database directly; for PGlite only once the server has stopped. */
	open(): Promise<Sql>;
	cleanup(): void;
};

export function pgliteTarget(): Target {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-crash-'));
	return {
		name: 'PGlite',
		env: { DATA_DIR: dataDir },
		async open() {
			const { PGlite } = await import('@electric-sql/pglite');
			const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
			const { amcheck } = await import('@electric-sql/pglite/contrib/amcheck');
			const db = await PGlite.create({
				dataDir: path.join(dataDir, 'db'),
				extensions: { pg_trgm, amcheck }
			});
			return {
				query: async <T>(text: string, params?: unknown[]) =>
					(await db.query<T>(text, params)).rows,
				close: () => db.close()
			};
		},
		cleanup: () => rmSync(dataDir, { recursive: true, force: true })
	};
}

export function postgresTarget(base: string): Target {
	const url = new URL(base);
	url.pathname = '/crash_test';
	const cli = [
		'-h',
		url.hostname || '127.0.0.1',
		'-p',
		url.port || '5432',
		'-U',
		decodeURIComponent(url.username) || 'postgres'
	];
	const env = { ...process.env, ...(url.password ? { PGPASSWORD: url.password } : {}) };
	const run = (command: string, args: string[]) => {
		const done = spawnSync(command, [...args, ...cli, 'crash_test'], { env, encoding: 'utf8' });
		if (done.status !== 0) throw new Error(`${command} failed: ${done.stderr}`);
	};
	// Never the `test` database: a scratch one, made anew for this run.
	run('dropdb', ['--if-exists', '--force']);
	run('createdb', []);
	return {
		name: 'PostgreSQL',
		env: { DATABASE_URL: url.href },
		async open() {
			const { default: pg } = await import('pg');
			const client = new pg.Client({ connectionString: url.href });
			await client.connect();
			return {
				query: async <T>(text: string, params?: unknown[]) =>
					(await client.query(text, params)).rows as T[],
				close: () => client.end()
			};
		},
		cleanup: () => run('dropdb', ['--if-exists', '--force'])
	};
}
