// Directory search under load: seeds N members (deterministic generator), starts the built server,
// and measures requests/s and p50/p95/p99 with autocannon at 50 connections, on PostgreSQL and on
// PGlite. Reported, never asserted. Usage:
//   npm run bench:directory -- [--members 100000] [--organisations 2000] [--duration 20] [--db both|postgres|pglite]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, root, startServer } from '../lib/server.js';

const { values } = parseArgs({
	options: {
		members: { type: 'string', default: '100000' },
		organisations: { type: 'string', default: '2000' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '50' },
		db: { type: 'string', default: 'both' }
	}
});
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'passerelle_directory_bench';

// A mix of what people type: names with and without accents, other scripts, typos, filters.
const QUERIES = [
	'/api/v1/members?q=helene',
	'/api/v1/members?q=mohamed',
	'/api/v1/members?q=' + encodeURIComponent('محمد'),
	'/api/v1/members?q=' + encodeURIComponent('ольга'),
	'/api/v1/members?q=fernandez&residence=ES',
	'/api/v1/members?origin=SY&residence=DE',
	'/api/v1/members?language=ar&page=3',
	'/api/v1/members?q=nurse',
	'/en/members?q=amina+diallo',
	'/api/v1/organisations?q=association'
];

function seed(env) {
	const args = [
		'scripts/passerelle.js',
		'seed',
		'--members',
		values.members,
		'--organisations',
		values.organisations
	];
	const started = Date.now();
	const run = spawnSync(process.execPath, args, {
		cwd: root,
		env: { ...process.env, LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (run.status !== 0) throw new Error('seeding failed');
	return (Date.now() - started) / 1000;
}

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(origin) {
	const latencies = [];
	const instance = autocannon({
		url: origin,
		connections: Number(values.connections),
		duration: Number(values.duration),
		requests: QUERIES.map((p) => ({ method: 'GET', path: p })),
		headers: { 'accept-encoding': 'gzip' }
	});
	instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
	const result = await instance;
	latencies.sort((a, b) => a - b);
	return {
		rps: Math.round(result.requests.average),
		p50: Math.round(percentile(latencies, 50)),
		p95: Math.round(percentile(latencies, 95)),
		p99: Math.round(percentile(latencies, 99)),
		errors: result.errors + result.non2xx,
		requests: latencies.length
	};
}

async function explain(url) {
	// The same shape as members/search-members.ts: rank, count and cut on member_profile, no parallel workers.
	const client = new pg.Client({
		connectionString: url,
		options: '-c max_parallel_workers_per_gather=0'
	});
	await client.connect();
	const out = [];
	for (const [label, where, order] of [
		[
			'visitor searching "mohamed"',
			`(search_public @@ to_tsquery('simple', 'mohamed:*') or 'mohamed' <% name_key)`,
			`word_similarity('mohamed', name_key) desc, name_key`
		],
		['visitor filtering language=ar', `facets_public @> array['lang:ar']`, 'name_key']
	]) {
		const { rows } = await client.query(
			`explain (analyze, buffers off, costs off) select user_id, count(*) over () from member_profile
			 where listed = 'public' and ${where} order by ${order}, user_id limit 20`
		);
		out.push(`-- ${label}\n` + rows.map((r) => r['QUERY PLAN']).join('\n'));
	}
	await client.end();
	return out.join('\n\n');
}

const results = [];
if (values.db !== 'pglite') {
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
	await admin.query(`create database ${BENCH_DB}`);
	await admin.end();
	const url = ADMIN_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
	const seconds = seed({ DATABASE_URL: url });
	const server = await startServer({
		port: await freePort(3600),
		dataDir: mkdtempSync(path.join(tmpdir(), 'bench-dir-')),
		env: { DATABASE_URL: url, SEED_DEMO: 'false' }
	});
	try {
		results.push({ database: 'PostgreSQL', seedSeconds: seconds, ...(await load(server.origin)) });
		console.log('\nEXPLAIN ANALYZE:\n' + (await explain(url)));
	} finally {
		await server.stop();
	}
}
if (values.db !== 'postgres') {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-dir-'));
	const seconds = seed({ DATA_DIR: dataDir });
	const server = await startServer({
		port: await freePort(3600),
		dataDir,
		env: { SEED_DEMO: 'false' }
	});
	try {
		results.push({ database: 'PGlite', seedSeconds: seconds, ...(await load(server.origin)) });
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
console.log(
	`\nDirectory search, ${values.members} members, ${values.connections} connections, ${values.duration} s`
);
console.log('database     seed(s)   req/s   p50(ms)  p95(ms)  p99(ms)  errors');
for (const r of results) {
	console.log(
		`${r.database.padEnd(12)} ${r.seedSeconds.toFixed(0).padStart(7)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(9)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)}`
	);
}
console.log('Goal on PostgreSQL: p95 under 50 ms at 50 connections (reported, not asserted).');
