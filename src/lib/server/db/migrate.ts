import path from 'node:path';
import type { Database } from './client.ts';

const MIGRATION_LOCK = 7_203_415; // constant key: one migrator at a time across instances

export function migrationsFolder() {
	return path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
}

/** Applies the committed SQL migrations; instances starting together take turns. */
export async function migrate(database: Database, url?: string) {
	const folder = migrationsFolder();
	if (database.kind === 'pglite') {
		const { migrate: run } = await import('drizzle-orm/pglite/migrator');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await run(database.db as any, { migrationsFolder: folder });
		return;
	}
	if (!url) throw new Error('migrate: a PostgreSQL URL is required');
	// A session-level advisory lock must be taken and released on the same connection.
	const { default: pg } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
		await run(drizzle(client), { migrationsFolder: folder });
	} finally {
		await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
		await client.end();
	}
}
