// Communities and events at scale, on PostgreSQL. Seeds generated members, --communities
// communities (the first with --threads threads, the others a few dozen, replies to each) and
// --events upcoming events with registrations, then reports (never asserts):
// 1. the queries behind the pages, through the application's own operations: a community's thread
//    list (first page and page 10), a thread, the events list, an event (p50/p95/p99 in ms);
// 2. HTTP: the built server on that database, an open loop at each of --rates requests/s over 50
//    kept-alive connections on a mix of community and event pages (p50/p95/p99, errors);
// 3. the server's resident memory idle, then holding --streams live message streams (SSE) open.
// Needs a build (npx vite build). Usage:
//   node bench/connect/measure.js [--members 20000] [--communities 500] [--events 5000]
//     [--threads 2000] [--runs 200] [--rates 100,200,300] [--streams 1000] [--reuse]
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
		members: { type: 'string', default: '20000' },
		communities: { type: 'string', default: '500' },
		events: { type: 'string', default: '5000' },
		threads: { type: 'string', default: '2000' },
		runs: { type: 'string', default: '200' },
		rates: { type: 'string', default: '100,200,300' },
		streams: { type: 'string', default: '1000' },
		reuse: { type: 'boolean', default: false }
	}
});
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'passerelle_connect_bench';
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
const { generateConnect } = await import('../../src/lib/server/seed/generate-connect.ts');
const { communityPage, readThread } = await import('../../src/lib/server/communities/read.ts');
const { listEvents, eventView } = await import('../../src/lib/server/events/read.ts');
const database = await openDatabase({ url, poolSize: 4 });
await migrate(database, url);
const db = database.db;
const started = performance.now();
await generatePopulation(db, { members: Number(values.members), organisations: 0 });
const made = await generateConnect(db, {
	communities: Number(values.communities),
	events: Number(values.events),
	longThreads: Number(values.threads)
});
console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`, made);

const q = new pg.Client({ connectionString: url });
await q.connect();
// The long community is made public, so visitors' pages and the HTTP mix can read it.
const long = (
	await q.query(
		`update community set visibility = 'public' where id = (
			select community_id from community_thread group by community_id order by count(*) desc limit 1)
		returning id, slug, created_by`
	)
).rows[0];
const counts = (
	await q.query(`select (select count(*) from community) communities,
		(select count(*) from community_thread) threads, (select count(*) from community_reply) replies,
		(select count(*) from event) events, (select count(*) from event_registration) registrations,
		(select count(*) from community_thread where community_id = '${long.id}') long_threads`)
).rows[0];
const thread = (
	await q.query(
		`select id from community_thread where community_id = '${long.id}' order by reply_count desc limit 1`
	)
).rows[0].id;
const events = (
	await q.query(`select id from event where starts_at > now() order by starts_at limit 50`)
).rows.map((r) => r.id);
const member = { id: long.created_by, roles: ['member'] };

const RUNS = Number(values.runs);
const pct = (xs, p) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
async function time(label, fn) {
	for (let i = 0; i < 10; i++) await fn(i);
	const ms = [];
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		await fn(i);
		ms.push(performance.now() - t);
	}
	console.log(
		`${label.padEnd(48)} p50 ${pct(ms, 0.5).toFixed(2).padStart(7)}  p95 ${pct(ms, 0.95).toFixed(2).padStart(7)}  p99 ${pct(ms, 0.99).toFixed(2).padStart(7)}`
	);
}
console.log(
	`\n${counts.communities} communities, ${counts.threads} threads (${counts.long_threads} in the longest), ${counts.replies} replies; ${counts.events} events, ${counts.registrations} registrations`
);
console.log('operation (ms, one call after another)');
await time('community thread list, first page (member)', () =>
	communityPage(db, member, long.slug)
);
await time('community thread list, page 10 (visitor)', () =>
	communityPage(db, null, long.slug, { page: 10 })
);
await time('community search (visitor)', () => communityPage(db, null, long.slug, { q: 'doctor' }));
await time('a thread with its replies', () => readThread(db, member, long.slug, thread));
await time('upcoming events, first page (visitor)', () => listEvents(db, null, {}));
await time('upcoming events, online only, page 3', () =>
	listEvents(db, null, { online: true, page: 3 })
);
await time('an event (visitor)', (i) => eventView(db, null, events[i % events.length]));
await q.end();
await database.close();

// 2. HTTP, open loop.
const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-connect-bench-'));
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
	'/en/communities',
	`/en/communities/${long.slug}`,
	`/en/communities/${long.slug}/t/${thread}`,
	'/en/events',
	...events.slice(0, 5).map((id) => `/en/events/${id}`),
	'/api/v1/events'
];
function get(agent, target, headers = {}) {
	return new Promise((resolve) => {
		const req = http.get(
			target,
			{ agent, headers: { 'accept-encoding': 'gzip', ...headers } },
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode));
			}
		);
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
		rate,
		p50: Math.round(pct(latencies, 0.5)),
		p95: Math.round(pct(latencies, 0.95)),
		p99: Math.round(pct(latencies, 0.99)),
		errors
	};
}
for (let i = 0; i < 200; i++) await get(undefined, server.origin + MIX[i % MIX.length]);
console.log(
	'\nHTTP, offered rate over 50 connections, 10 s each, on',
	MIX.length,
	'community and event pages'
);
for (const rate of values.rates.split(',').map(Number)) {
	const r = await openLoop(rate);
	console.log(
		`  ${String(rate).padStart(4)} req/s: p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, errors ${r.errors}`
	);
}

// 3. Memory with live connections: one member signed in through the form, --streams streams.
const rss = () => {
	const line = readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
	return Math.round(Number(line[1]) / 1024);
};
const c2 = new pg.Client({ connectionString: url });
await c2.connect();
await c2.end();
const email = `bench-live-${Date.now()}@example.org`;
const password = 'a sturdy passphrase for the bench';
const signUp = await fetch(`${server.origin}/api/auth/sign-up/email`, {
	method: 'POST',
	headers: { 'content-type': 'application/json', origin: server.origin },
	body: JSON.stringify({ email, password, name: 'Bench Live' })
});
const c3 = new pg.Client({ connectionString: url });
await c3.connect();
await c3.query(`update "user" set email_verified = true where email = $1`, [email]);
await c3.end();
const signIn = await fetch(`${server.origin}/api/auth/sign-in/email`, {
	method: 'POST',
	headers: { 'content-type': 'application/json', origin: server.origin },
	body: JSON.stringify({ email, password })
});
const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
console.log(`\nlive connections (sign-up ${signUp.status}, sign-in ${signIn.status})`);
await sleep(2000);
const idle = rss();
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const open = [];
let connected = 0;
for (let i = 0; i < Number(values.streams); i++) {
	open.push(
		new Promise((resolve) => {
			const req = http.get(
				`${server.origin}/en/messages/stream`,
				{ agent, headers: { cookie, accept: 'text/event-stream' } },
				(res) => {
					if (res.statusCode === 200) connected++;
					res.on('data', () => {});
					resolve(req);
				}
			);
			req.on('error', () => resolve(req));
		})
	);
	if (i % 100 === 99) await sleep(50);
}
const requests = await Promise.all(open);
await sleep(3000);
const holding = rss();
console.log(
	`  resident memory idle ${idle} MB; holding ${connected} live streams ${holding} MB (${(((holding - idle) * 1024) / Math.max(1, connected)).toFixed(1)} KB each)`
);
for (const r of requests) r.destroy();
agent.destroy();
await server.stop();
rmSync(dataDir, { recursive: true, force: true });
