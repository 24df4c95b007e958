// Directory search under load: seeds N members (deterministic generator), starts the built server
// (page cache off), and measures, on PostgreSQL and on PGlite:
// - closed loop: requests/s and p50/p95/p99 with autocannon at 50 connections;
// - open loop: a fixed offered rate, requests leaving on schedule, for each of --rates: p95 and errors,
//   and the highest rate that keeps p95 under 50 ms;
// - per query, 100 requests one after another: the server's CPU time per request beside
//   PostgreSQL's (all its processes, from /proc), and their ratio (the figure to drive down);
// - overload: 200 connections on a mix of public pages, statuses, timeouts and the slowest answer.
// Reported, never asserted. Usage:
//   npm run bench:directory -- [--members 100000] [--organisations 2000] [--duration 20]
//     [--rates 50,100,200,300] [--db both|postgres|pglite]
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
		rates: { type: 'string', default: '50,100,200,300' },
		// Keep the database the last PostgreSQL run seeded (same --members and --organisations).
		reuse: { type: 'boolean', default: false },
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

// Overload: a mix of public pages at 200 connections (services by need and place, members, a
// country page, the HSDS list). The goal is that nobody waits more than a few seconds: past the
// admission queue the server answers 503 with Retry-After at once.
const OVERLOAD_PAGES = [
	'/en/services?need=legal&place=Paris',
	'/en/services?need=food&near=31.9539,35.9106',
	'/en/services?q=housing',
	'/en/members?q=mohamed',
	'/api/v1/members?q=nguyen',
	'/en/countries/SY',
	'/api/hsds/services'
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
		max: Math.round(latencies.at(-1) ?? 0),
		errors: result.errors + result.non2xx + result.timeouts,
		requests: latencies.length
	};
}

/** 200 connections on the page mix for --duration: statuses, timeouts and the slowest answer. */
async function overload(origin) {
	const latencies = [];
	const statuses = new Map();
	const instance = autocannon({
		url: origin,
		connections: 200,
		duration: Number(values.duration),
		timeout: 10,
		requests: OVERLOAD_PAGES.map((p) => ({ method: 'GET', path: p })),
		headers: { 'accept-encoding': 'gzip' }
	});
	instance.on('response', (_client, status, _bytes, time) => {
		latencies.push(time);
		statuses.set(status, (statuses.get(status) ?? 0) + 1);
	});
	const result = await instance;
	latencies.sort((a, b) => a - b);
	return {
		rps: Math.round(result.requests.average),
		ok: statuses.get(200) ?? 0,
		busy: statuses.get(503) ?? 0,
		other: [...statuses].filter(([s]) => s !== 200 && s !== 503).reduce((n, [, c]) => n + c, 0),
		timeouts: result.timeouts + result.errors,
		p50: Math.round(percentile(latencies, 50)),
		p95: Math.round(percentile(latencies, 95)),
		max: Math.round(latencies.at(-1) ?? 0)
	};
}

function printOverload(o) {
	console.log(
		`  overload, 200 connections on ${OVERLOAD_PAGES.length} public pages: ${o.rps} req/s, ${o.ok} answered, ${o.busy} turned away (503), ${o.other} other statuses, ${o.timeouts} timeouts or errors; p50 ${o.p50} ms, p95 ${o.p95} ms, slowest ${o.max} ms`
	);
}

/** One GET on a pool of at most --connections kept-alive sockets; resolves with its status. */
function get(agent, url) {
	return new Promise((resolve) => {
		const req = http.get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode));
		});
		req.setTimeout(10_000, () => req.destroy());
		req.on('error', () => resolve(0));
	});
}

/**
 * An open loop at a fixed offered rate for 10 s: requests leave on schedule whether or not earlier
 * ones came back, and each latency counts from when its request was due (so a request that waited
 * for a free socket counts its wait: no coordinated omission).
 */
async function openLoop(origin, rate) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: Number(values.connections) });
	const total = rate * 10;
	const latencies = [];
	let errors = 0;
	const pending = [];
	const start = performance.now();
	for (let i = 0; i < total; i++) {
		const due = start + (i * 1000) / rate;
		const wait = due - performance.now();
		if (wait > 1) await sleep(wait);
		const path = QUERIES[i % QUERIES.length];
		pending.push(
			get(agent, origin + path).then((status) => {
				latencies.push(performance.now() - due);
				if (status !== 200) errors++;
			})
		);
	}
	await Promise.all(pending);
	const seconds = (performance.now() - start) / 1000;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	return {
		rps: Math.round(total / seconds),
		p50: Math.round(percentile(latencies, 50)),
		p95: Math.round(percentile(latencies, 95)),
		p99: Math.round(percentile(latencies, 99)),
		max: Math.round(latencies.at(-1) ?? 0),
		errors
	};
}

/** The open loop at each offered rate in turn; the highest one whose p95 stays under 50 ms. */
async function sweep(origin) {
	const rows = [];
	for (const rate of values.rates.split(',').map(Number))
		rows.push({ rate, ...(await openLoop(origin, rate)) });
	const held = rows.filter((r) => r.p95 < 50 && r.errors === 0).map((r) => r.rate);
	return { rows, highest: held.length ? Math.max(...held) : 0 };
}

/** CPU seconds each of these processes has used so far (user + system), from /proc. */
function cpuByPid(pids) {
	const out = new Map();
	for (const pid of pids) {
		try {
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
		} catch {
			// gone since it was listed
		}
	}
	return out;
}

/** CPU seconds used between two readings, by the processes present in both. */
function used(before, after) {
	let seconds = 0;
	for (const [pid, t] of after) if (before.has(pid)) seconds += t - before.get(pid);
	return seconds;
}

function postgresPids() {
	return readdirSync('/proc')
		.filter((d) => /^\d+$/.test(d))
		.filter((d) => {
			try {
				return readFileSync(`/proc/${d}/comm`, 'utf8').startsWith('postgres');
			} catch {
				return false;
			}
		});
}

/** Per query: the server's CPU per request beside PostgreSQL's, 100 requests one at a time. */
async function cpuPerQuery(origin, serverPid, withPostgres) {
	const rows = [];
	for (const q of QUERIES) {
		for (let i = 0; i < 10; i++) await fetch(origin + q).then((r) => r.arrayBuffer());
		const pgPids = withPostgres ? postgresPids() : [];
		const [s0, p0, t0] = [cpuByPid([serverPid]), cpuByPid(pgPids), Date.now()];
		const n = 100;
		for (let i = 0; i < n; i++) await fetch(origin + q).then((r) => r.arrayBuffer());
		const server = (used(s0, cpuByPid([serverPid])) / n) * 1000;
		const postgres = (used(p0, cpuByPid(pgPids)) / n) * 1000;
		rows.push({ q, server, postgres, wall: (Date.now() - t0) / n });
	}
	return rows;
}

function printCpu(rows, withPostgres) {
	console.log(
		'query                                         wall(ms)  server CPU(ms)  PostgreSQL CPU(ms)  ratio'
	);
	for (const r of rows)
		console.log(
			`${r.q.slice(0, 45).padEnd(45)} ${r.wall.toFixed(1).padStart(8)} ${r.server.toFixed(2).padStart(15)} ${withPostgres ? r.postgres.toFixed(2).padStart(19) : '(in the server)'.padStart(19)} ${withPostgres && r.postgres > 0 ? (r.server / r.postgres).toFixed(1).padStart(6) : '     -'}`
		);
}

const results = [];
if (values.db !== 'pglite') {
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	if (!values.reuse) {
		await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
		await admin.query(`create database ${BENCH_DB}`);
	}
	await admin.end();
	const url = ADMIN_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
	const seconds = values.reuse ? 0 : seed({ DATABASE_URL: url });
	const server = await startServer({
		port: await freePort(3600),
		dataDir: mkdtempSync(path.join(tmpdir(), 'bench-dir-')),
		env: { DATABASE_URL: url, SEED_DEMO: 'false', PAGE_CACHE_SECONDS: '0' }
	});
	try {
		results.push({
			database: 'PostgreSQL',
			seedSeconds: seconds,
			...(await load(server.origin)),
			open: await sweep(server.origin),
			cpu: await cpuPerQuery(server.origin, server.pid, true),
			overload: await overload(server.origin)
		});
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
		env: { SEED_DEMO: 'false', PAGE_CACHE_SECONDS: '0' }
	});
	try {
		results.push({
			database: 'PGlite',
			seedSeconds: seconds,
			...(await load(server.origin)),
			open: await sweep(server.origin),
			cpu: await cpuPerQuery(server.origin, server.pid, false),
			overload: await overload(server.origin)
		});
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
console.log(
	`\nDirectory search, ${values.members} members, ${values.connections} connections, ${values.duration} s`
);
console.log('database     seed(s)   req/s   p50(ms)  p95(ms)  p99(ms)  max(ms)  errors');
const row = (label, r) =>
	`${label.padEnd(20)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(9)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.max).padStart(8)} ${String(r.errors).padStart(7)}`;
for (const r of results) {
	console.log(
		`${r.database.padEnd(12)} ${r.seedSeconds.toFixed(0).padStart(7)} ` + row('', r).trimStart()
	);
	console.log(`  open loop, at most ${values.connections} connections, 10 s per rate:`);
	for (const o of r.open.rows) console.log('  ' + row(`offered ${o.rate}/s`, o));
	console.log(`  highest offered rate with p95 under 50 ms and no error: ${r.open.highest}/s`);
	printCpu(r.cpu, r.database === 'PostgreSQL');
	printOverload(r.overload);
}
console.log(
	'Goals: 300 requests/s offered with p95 under 50 ms; server CPU at most twice PostgreSQL’s; under overload no request waits more than a few seconds (reported, not asserted).'
);
