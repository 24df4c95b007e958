import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseConfig } from '../platform/config.ts';
import { createAppContext, type AppContext } from '../app/context.ts';

/** Integration tests run on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export const DATABASES: { kind: 'pglite' | 'postgres'; url?: string }[] = [
	{ kind: 'pglite' },
	...(process.env.TEST_DATABASE_URL
		? [{ kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL }]
		: [])
];

/** Empties the PostgreSQL test database so each test file starts from the migrations. */
export async function resetPostgres(url: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(
			'drop schema if exists public cascade; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; create schema public;'
		);
	} finally {
		await client.end();
	}
}

export async function testServices(
	target: { kind: 'pglite' | 'postgres'; url?: string },
	env: Record<string, string> = {},
	opts: { reset?: boolean } = {}
): Promise<AppContext> {
	if (target.url && opts.reset !== false) await resetPostgres(target.url);
	const config = parseConfig({
		DATA_DIR: mkdtempSync(path.join(tmpdir(), 'passerelle-test-')),
		SEED_DEMO: 'false',
		SEED_REFERENCE_DATA: 'false',
		AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
		LOG_LEVEL: 'silent',
		...(target.url ? { DATABASE_URL: target.url } : {}),
		...env
	});
	return createAppContext(config, { pgliteDir: 'memory://' });
}
