// Service search under load: seeds N services and M referrals (deterministic generator) into a
// PostgreSQL bench database once, then measures the search by need, by place (sorted by distance
// from a point), by language and all combined, each for `--duration` seconds at 50 concurrent
// clients: requests/s and p50/p95/p99. Reported, never asserted. Usage:
//   npm run bench:services -- [--services 10000] [--referrals 100000] [--duration 20] [--via auto|http|query]
//
// --via http sends the requests to the built server (scripts/serve.js), as bench:directory does;
// --via query calls the query layer (searchServices, as the page calls it) from 50 concurrent
// clients sharing the app's connection pool, for when there is no build. auto: http if built.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, root, startServer } from '../lib/server.js';

const { values } = parseArgs({
	options: {
		services: { type: 'string', default: '10000' },
		referrals: { type: 'string', default: '100000' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '50' },
		via: { type: 'string', default: 'auto' }
	}
});
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'passerelle_services_bench';
const url = ADMIN_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
const via =
	values.via === 'auto'
		? existsSync(path.join(root, 'build/handler.js'))
			? 'http'
			: 'query'
		: values.via;

// Each scenario rotates over a few values so no single plan or cache line is measured alone.
// Coordinates are city centres where the generator places services.
const PARIS = '48.8566,2.3522';
const AMMAN = '31.9539,35.9106';
const BOGOTA = '4.711,-74.0721';
const NAIROBI = '-1.2921,36.8219';
const SCENARIOS = {
	need: ['need=legal', 'need=housing', 'need=food', 'need=health'],
	place: [`near=${PARIS}`, `near=${AMMAN}`, `near=${BOGOTA}`, `near=${NAIROBI}`],
	language: ['language=ar', 'language=fa', 'language=es', 'language=uk'],
	combined: [
		`need=legal&language=ar&near=${PARIS}&open=1`,
		`need=housing&language=ar&near=${AMMAN}&free=1`,
		`need=food&language=es&near=${BOGOTA}&open=1`,
		`need=health&language=sw&near=${NAIROBI}&age=30`
	]
};

async function count(client, table) {
	const { rows } = await client.query(`select count(*)::int as n from ${table}`).catch(() => ({
		rows: [{ n: 0 }]
	}));
	return rows[0].n;
}

/** Creates the bench database if missing and seeds it unless it already holds the counts asked. */
async function prepare() {
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	const { rows } = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DB]);
	if (!rows.length) await admin.query(`create database ${BENCH_DB}`);
	await admin.end();
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const seeded =
		(await count(client, 'service')) >= Number(values.services) &&
		(await count(client, 'referral')) >= Number(values.referrals);
	// Earlier runs may have left dead rows; every run starts from the same steady state.
	if (seeded) await client.query('vacuum analyze');
	await client.end();
	if (seeded) return null;
	const started = Date.now();
	const run = spawnSync(
		process.execPath,
		[
			'scripts/passerelle.js',
			'seed',
			'--members',
			'0',
			'--organisations',
			'0',
			'--services',
			values.services,
			'--referrals',
			values.referrals
		],
		{
			cwd: root,
			env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	if (run.status !== 0) throw new Error('seeding failed');
	return (Date.now() - started) / 1000;
}

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(latencies, seconds, errors) {
	latencies.sort((a, b) => a - b);
	return {
		rps: Math.round(latencies.length / seconds),
		p50: Math.round(percentile(latencies, 50)),
		p95: Math.round(percentile(latencies, 95)),
		p99: Math.round(percentile(latencies, 99)),
		errors,
		requests: latencies.length
	};
}

/** The page's route, through the built server, with autocannon (as bench:directory). */
async function loadHttp(origin, queries) {
	const latencies = [];
	const instance = autocannon({
		url: origin,
		connections: Number(values.connections),
		duration: Number(values.duration),
		requests: queries.map((q) => ({ method: 'GET', path: `/en/services?${q}` })),
		headers: { 'accept-encoding': 'gzip' }
	});
	instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
	const result = await instance;
	return summary(latencies, Number(values.duration), result.errors + result.non2xx);
}

/** The median of 20 requests one after the other: the cost of a request without a queue. */
async function oneRequest(origin, query) {
	const times = [];
	for (let i = 0; i < 23; i++) {
		const started = performance.now();
		const response = await fetch(`${origin}/en/services?${query}`);
		await response.text();
		if (i >= 3) times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return times[10];
}

/** What the page's load does with a query string: parse it, take `near` as the origin, search. */
function searchCall(layer, query) {
	const parsed = layer.serviceQuery.parse(Object.fromEntries(new URLSearchParams(query)));
	const origin = parsed.near ? { lat: parsed.near[0], lon: parsed.near[1] } : null;
	return (db) => layer.searchServices(db, parsed, { locale: 'en', origin });
}

/** The query layer from `connections` concurrent clients sharing the app's pool (10 connections). */
async function loadQuery(layer, db, queries) {
	const calls = queries.map((q) => searchCall(layer, q));
	const latencies = [];
	let errors = 0;
	const until = Date.now() + Number(values.duration) * 1000;
	let next = 0;
	await Promise.all(
		Array.from({ length: Number(values.connections) }, async () => {
			while (Date.now() < until) {
				const call = calls[next++ % calls.length];
				const started = performance.now();
				try {
					await call(db);
					latencies.push(performance.now() - started);
				} catch {
					errors++;
				}
			}
		})
	);
	return summary(latencies, Number(values.duration), errors);
}

/**
 * One query at a time: the median of 20 calls of the query layer (SQL, the page's opening hours,
 * JSON decoding), and PostgreSQL's own execution time of the main query (EXPLAIN ANALYZE).
 */
async function single(layer, queries) {
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const pool = new pg.Pool({
		connectionString: url,
		max: 1,
		options: '-c max_parallel_workers_per_gather=0'
	});
	let main;
	const db = drizzle(pool, {
		schema: layer.schema,
		logger: {
			logQuery: (text, params) => {
				if (text.includes('over ()')) main = { text, params };
			}
		}
	});
	const call = searchCall(layer, queries[0]);
	const times = [];
	for (let i = 0; i < 23; i++) {
		const started = performance.now();
		await call(db);
		if (i >= 3) times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const { rows } = await pool.query(
		`explain (analyze, buffers off, costs off) ${main.text}`,
		main.params
	);
	await pool.end();
	const plan = rows.map((r) => r['QUERY PLAN']);
	const sqlMs = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1))?.[1] ?? NaN);
	return { callMs: times[10], sqlMs, plan: plan.join('\n') };
}

const seedSeconds = await prepare();
const layer = {
	...(await import('../../src/lib/server/services/search-services.ts')),
	...(await import('../../src/lib/services/search-query.ts')),
	schema: await import('../../src/lib/server/app/schema.ts')
};
const results = [];
const plans = [];
if (via === 'http') {
	const server = await startServer({
		port: await freePort(3600),
		dataDir: mkdtempSync(path.join(tmpdir(), 'bench-services-')),
		// No background jobs: the stale-services reminder would rewrite half the services mid-run.
		env: { DATABASE_URL: url, SEED_DEMO: 'false', JOBS: 'false' }
	});
	try {
		for (const [name, queries] of Object.entries(SCENARIOS))
			results.push({
				name,
				requestMs: await oneRequest(server.origin, queries[0]),
				...(await loadHttp(server.origin, queries))
			});
	} finally {
		await server.stop();
	}
} else {
	const { openDatabase } = await import('../../src/lib/server/db/client.ts');
	const database = await openDatabase({ url });
	try {
		for (const [name, queries] of Object.entries(SCENARIOS))
			results.push({ name, ...(await loadQuery(layer, database.db, queries)) });
	} finally {
		await database.close();
	}
}
for (const r of results) {
	const one = await single(layer, SCENARIOS[r.name]);
	Object.assign(r, { callMs: one.callMs, sqlMs: one.sqlMs });
	plans.push(`-- ${r.name}: ${SCENARIOS[r.name][0]}\n${one.plan}`);
}
console.log('\nEXPLAIN ANALYZE (first query of each scenario):\n' + plans.join('\n\n'));
console.log(
	`\nService search, ${values.services} services, ${values.referrals} referrals, PostgreSQL, ` +
		`${values.connections} concurrent clients, ${values.duration} s each, via ${via}` +
		(seedSeconds === null ? ' (already seeded)' : `, seeded in ${seedSeconds.toFixed(0)} s`)
);
// One request: a page over HTTP alone (http only); one call: searchServices alone; SQL: the main
// query's execution time in PostgreSQL.
console.log(
	'scenario     req/s   p50(ms)  p95(ms)  p99(ms)  errors  one request(ms)  one call(ms)  SQL(ms)'
);
for (const r of results) {
	console.log(
		`${r.name.padEnd(10)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(9)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)} ${(r.requestMs?.toFixed(1) ?? '-').padStart(16)} ${r.callMs.toFixed(1).padStart(13)} ${r.sqlMs.toFixed(1).padStart(8)}`
	);
}
console.log('Goal: p95 under 50 ms at 50 concurrent clients (reported, not asserted).');
