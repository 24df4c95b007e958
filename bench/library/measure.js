// The library at scale, on PostgreSQL. Seeds --resources resources (a tenth waiting for a
// moderator) by generated members, then reports (never asserts):
// 1. the search behind /library, through the application's own operation: the newest, common and
//    rare words, a theme, words with filters, a far page (p50/p95/p99 in ms, one after another);
// 2. HTTP: the built server on that database, an open loop at each of --rates requests/s over 50
//    kept-alive connections on library pages and the API (p50/p95/p99, errors), and the highest
//    offered rate held with p95 under 50 ms.
// Needs a build (npx vite build). Usage:
//   node bench/library/measure.js [--resources 50000] [--runs 200] [--rates 100,200,400] [--reuse]
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort, startServer } from '../lib/server.js';

const { values } = parseArgs({
	options: {
		resources: { type: 'string', default: '50000' },
		runs: { type: 'string', default: '200' },
		rates: { type: 'string', default: '100,200,400' },
		reuse: { type: 'boolean', default: false }
	}
});
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'passerelle_library_bench';
const url = ADMIN_URL.replace(/\/[^/]*$/, `/${DB}`);
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
const exists = (await admin.query('select 1 from pg_database where datname = $1', [DB])).rowCount;
if (!values.reuse || !exists) {
	await admin.query(`drop database if exists ${DB}`);
	await admin.query(`create database ${DB}`);
}
await admin.end();

const { openDatabase } = await import('../../src/lib/server/db/client.ts');
const { migrate } = await import('../../src/lib/server/db/migrate.ts');
const { generatePopulation } = await import('../../src/lib/server/seed/generate-population.ts');
const { generateLibrary } = await import('../../src/lib/server/seed/generate-library.ts');
const { searchResources } = await import('../../src/lib/server/library/read.ts');
const { libraryFilters } = await import('../../src/lib/library/forms.ts');
const database = await openDatabase({ url, poolSize: 4 });
await migrate(database, url);
const db = database.db;
const started = performance.now();
await generatePopulation(db, { members: 2000, organisations: 0 });
const made = await generateLibrary(db, { resources: Number(values.resources) });
await db.execute('analyze');
console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`, made);

const RUNS = Number(values.runs);
const pct = (xs, p) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
async function time(label, query) {
	const filters = libraryFilters(new URLSearchParams(query));
	for (let i = 0; i < 10; i++) await searchResources(db, filters);
	const ms = [];
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		await searchResources(db, filters);
		ms.push(performance.now() - t);
	}
	console.log(
		`${label.padEnd(44)} p50 ${pct(ms, 0.5).toFixed(2).padStart(7)}  p95 ${pct(ms, 0.95).toFixed(2).padStart(7)}  p99 ${pct(ms, 0.99).toFixed(2).padStart(7)}`
	);
}
const QUERIES = [
	['newest, no words', ''],
	['a common word (en "guide")', 'q=guide'],
	['a word by prefix (fr "loge")', 'q=loge'],
	['two words (es "contrato salario")', 'q=contrato salario'],
	['Arabic word ("سكن")', 'q=سكن'],
	['a rare word (no match)', 'q=zzyzx'],
	['a theme', 'theme=health'],
	['words + theme + language + country', 'q=guide&theme=work&language=en&country=FR'],
	['newest, page 10', 'page=10']
];
console.log(`\n${made.resources || 'existing'} resources; search (ms, one call after another)`);
for (const [label, query] of QUERIES) await time(label, query);
await database.close();

const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-library-bench-'));
const port = await freePort();
const server = await startServer({
	port,
	dataDir,
	env: {
		DATABASE_URL: url,
		SEED_DEMO: 'false',
		SEED_REFERENCE_DATA: 'false',
		PAGE_CACHE_SECONDS: '0'
	}
});
const MIX = [
	'/en/library',
	'/en/library?q=guide',
	'/fr/library?q=logement&theme=housing',
	'/ar/library?q=سكن',
	'/es/library?theme=work&language=es',
	'/api/v1/resources?q=bank',
	'/api/v1/resources?theme=digital&page=2'
].map((p) => encodeURI(p));
function get(agent, target) {
	return new Promise((resolve) => {
		const req = http.get(target, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode));
		});
		req.setTimeout(10_000, () => req.destroy());
		req.on('error', () => resolve(0));
	});
}
async function openLoop(rate) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
	const total = rate * 10;
	const latencies = [];
	let errors = 0;
	const pending = [];
	const start = performance.now();
	for (let i = 0; i < total; i++) {
		const due = start + (i * 1000) / rate;
		const wait = due - performance.now();
		if (wait > 1) await sleep(wait);
		pending.push(
			get(agent, server.origin + MIX[i % MIX.length]).then((status) => {
				latencies.push(performance.now() - due);
				if (status !== 200) errors++;
			})
		);
	}
	await Promise.all(pending);
	agent.destroy();
	return {
		p50: Math.round(pct(latencies, 0.5)),
		p95: Math.round(pct(latencies, 0.95)),
		p99: Math.round(pct(latencies, 0.99)),
		errors
	};
}
for (let i = 0; i < 200; i++) await get(undefined, server.origin + MIX[i % MIX.length]);
console.log(`\nHTTP, offered rate over 50 connections, 10 s each, on ${MIX.length} library pages`);
let held = 0;
for (const rate of values.rates.split(',').map(Number)) {
	const r = await openLoop(rate);
	if (r.p95 < 50 && !r.errors) held = Math.max(held, rate);
	console.log(
		`  ${String(rate).padStart(4)} req/s: p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, errors ${r.errors}`
	);
}
console.log(`highest offered rate held with p95 under 50 ms: ${held || 'none of those'} req/s`);
await server.stop();
rmSync(dataDir, { recursive: true, force: true });
