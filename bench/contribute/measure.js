// Contribute and match at scale, on PostgreSQL. Seeds --members generated members with skills
// profiles and --opportunities opportunities asking ESCO skills (the shipped sample and its
// occupation-skill relations), then reports (never asserts):
// 1. matching, through the application's own operations: every open opportunity ranked for a
//    member, and the members who might fit ranked for an opportunity (p50/p95 in ms);
// 2. HTTP: the built server on that database, an open loop at each of --rates requests/s over 50
//    kept-alive connections on /api/v1/opportunities (p50/p95/p99, errors), and the highest
//    offered rate held with p95 under 50 ms.
// Needs a build (npx vite build). Usage:
//   node bench/contribute/measure.js [--members 100000] [--opportunities 10000] [--runs 30]
//     [--rates 150,300,600] [--page-cache SECONDS] [--reuse]
// --page-cache 15 measures with the production default (public API answers kept 15 s); 0, the
// default here, measures every request answered from the database.
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
		members: { type: 'string', default: '100000' },
		opportunities: { type: 'string', default: '10000' },
		runs: { type: 'string', default: '30' },
		rates: { type: 'string', default: '150,300,600' },
		'page-cache': { type: 'string', default: '0' },
		reuse: { type: 'boolean', default: false }
	}
});
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'passerelle_contribute_bench';
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
const { seedEsco, seedEscoRelations } = await import('../../src/lib/server/esco/seed-esco.ts');
const { generatePopulation } = await import('../../src/lib/server/seed/generate-population.ts');
const { generateContribute } = await import('../../src/lib/server/seed/generate-contribute.ts');
const { rankOpportunitiesFor, rankPeopleFor } =
	await import('../../src/lib/server/opportunities/suggest.ts');
const database = await openDatabase({ url, poolSize: 4 });
await migrate(database, url);
const db = database.db;
const started = performance.now();
await seedEsco(db);
await seedEscoRelations(db);
await generatePopulation(db, { members: Number(values.members), organisations: 10 }, (l) =>
	console.log(l)
);
const made = await generateContribute(
	db,
	{ opportunities: Number(values.opportunities), mentoringProgrammes: 0 },
	(l) => console.log(l)
);
await db.execute('analyze');
console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`, made);

const RUNS = Number(values.runs);
const pct = (xs, p) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
async function time(label, fn, inputs) {
	for (let i = 0; i < 3; i++) await fn(inputs[i % inputs.length]);
	const ms = [];
	let size = 0;
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		size = (await fn(inputs[i % inputs.length]))?.length ?? 0;
		ms.push(performance.now() - t);
	}
	console.log(
		`${label.padEnd(52)} p50 ${pct(ms, 0.5).toFixed(1).padStart(7)}  p95 ${pct(ms, 0.95).toFixed(1).padStart(7)}  (${size} ranked)`
	);
}
const members = (
	await db.execute('select id from "user" where id like \'gen-%\' order by id limit 50')
).rows.map((r) => r.id);
const opportunities = (
	await db.execute('select id from opportunity order by created_at desc limit 50')
).rows.map((r) => r.id);
console.log(`\nmatching (ms, one call after another)`);
await time(`every open opportunity for a member`, (id) => rankOpportunitiesFor(db, id), members);
await time(
	`members who might fit, for an opportunity`,
	(id) => rankPeopleFor(db, id),
	opportunities
);
await database.close();

const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-contribute-bench-'));
const port = await freePort();
const server = await startServer({
	port,
	dataDir,
	env: {
		DATABASE_URL: url,
		SEED_DEMO: 'false',
		SEED_REFERENCE_DATA: 'false',
		PAGE_CACHE_SECONDS: values['page-cache']
	}
});
const MIX = [
	'/api/v1/opportunities',
	'/api/v1/opportunities?type=job',
	'/api/v1/opportunities?country=FR',
	'/api/v1/opportunities?q=nurse',
	'/api/v1/opportunities?language=fr&page=2',
	`/api/v1/opportunities/${opportunities[0]}`
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
console.log(
	`\nHTTP, offered rate over 50 connections, 10 s each, on ${MIX.length} API addresses, page cache ${values['page-cache']} s`
);
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
