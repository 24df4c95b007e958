// How much memory the built server holds, idle and under load, with the embedded database
// (PGlite, inside the Node process) and with PostgreSQL (a separate server, not counted here).
// Small associations run Passerelle on a small VPS: the embedded default should stay under 400 MB.
// Reported, not asserted: the numbers depend on the machine.
//
//   npm run bench:memory            (needs a build: npx vite build; PostgreSQL on 127.0.0.1:5432)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { freePort, root, startServer } from '../lib/server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;
const GOAL_MB = 400;
const PG_URL =
	process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/passerelle_bench';

// 20,000 organisations, so the database is not the near-empty one of a fresh install. One
// statement, the same for PGlite and PostgreSQL; the names sort before the demo ones, so the home
// page's "first six by name" really goes through the index.
const GROW = `insert into organisation (id, slug, name, kind, description, content_locale, country_code)
	select 'bench-' || i, 'bench-org-' || i, 'Association ' || lpad(i::text, 5, '0'),
		(array['ngo', 'diaspora_association', 'public_service'])[1 + i % 3],
		repeat('Accueil, cours de langue, aide aux démarches et orientation vers les services. ', 5),
		(array['en', 'fr', 'ar', 'es'])[1 + i % 4], (array['FR', 'ES', 'JO', 'SN'])[1 + i % 4]
	from generate_series(1, 20000) as i`;

/** Resident memory of one process, in MB, as the kernel counts it (VmRSS). */
function rssMb(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]) / 1024;
}

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Idle memory, then SECONDS of load on two public pages while sampling memory every 500 ms. */
async function measure(server) {
	await sleep(5_000); // let start-up garbage be collected
	const idle = [];
	for (let i = 0; i < 5; i++) {
		idle.push(rssMb(server.pid));
		await sleep(500);
	}
	let peak = Math.max(...idle);
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 500);

	const latencies = [];
	const instance = autocannon({
		url: server.origin,
		connections: CONNECTIONS,
		duration: SECONDS,
		// Each connection asks for both pages in turn, compressed as a browser would want them.
		headers: { accept: 'text/html', 'accept-encoding': 'gzip, br' },
		requests: [{ path: '/en' }, { path: '/en/sign-in' }]
	});
	// autocannon's own summary has no p95: keep every response time and sort them here.
	instance.on('response', (client, status, bytes, ms) => latencies.push(ms));
	const result = await instance;
	clearInterval(sampler);
	peak = Math.max(peak, rssMb(server.pid));
	await sleep(5_000);
	latencies.sort((a, b) => a - b);
	return {
		idleMb: idle.sort((a, b) => a - b)[2],
		peakMb: peak,
		afterMb: rssMb(server.pid),
		requestsPerSecond: result.requests.average,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		failed: result.errors + result.timeouts + result.non2xx
	};
}

/** A fresh PGlite directory: the server creates the schema, then the rows go in while it is off. */
async function preparePglite(port) {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-'));
	await (await startServer({ port, dataDir })).stop();
	// PGlite is one process's database: only now that the server has exited may we open it.
	const db = await PGlite.create({ dataDir: path.join(dataDir, 'db') });
	await db.exec(GROW);
	await db.close();
	return dataDir;
}

/** A fresh passerelle_bench database: dropped and created so the migrations run from scratch. */
async function preparePostgres(port, dataDir) {
	const admin = new pg.Client({
		connectionString: Object.assign(new URL(PG_URL), { pathname: '/postgres' }).href
	});
	await admin.connect();
	const name = new URL(PG_URL).pathname.slice(1);
	await admin.query(`drop database if exists "${name}" with (force)`);
	await admin.query(`create database "${name}"`);
	await admin.end();
	await (await startServer({ port, dataDir, env: { DATABASE_URL: PG_URL } })).stop();
	const client = new pg.Client({ connectionString: PG_URL });
	await client.connect();
	await client.query(GROW);
	await client.end();
}

const port = await freePort(3400);
const rows = [];
async function run(label, buffers, dataDir, env) {
	console.log(`${label}, shared_buffers ${buffers}: ${SECONDS} s at ${CONNECTIONS} connections…`);
	const server = await startServer({ port, dataDir, env });
	try {
		rows.push({ database: label, sharedBuffers: buffers, ...(await measure(server)) });
	} finally {
		await server.stop();
	}
}

const pgliteDir = await preparePglite(port);
const pgDataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-')); // uploaded files only
try {
	// The same grown database for both settings: only the buffer size changes between runs.
	for (const mb of [16, 128]) {
		await run('PGlite', `${mb} MB`, pgliteDir, { PGLITE_SHARED_BUFFERS_MB: String(mb) });
	}
	await preparePostgres(port, pgDataDir);
	await run('PostgreSQL', 'server', pgDataDir, { DATABASE_URL: PG_URL });
} finally {
	rmSync(pgliteDir, { recursive: true, force: true });
	rmSync(pgDataDir, { recursive: true, force: true });
}

const mb = (v) => String(Math.round(v));
const ms = (v) => v.toFixed(1);
const cols = ['database', 'shared_buffers', 'idle MB', 'peak MB', 'after MB'];
cols.push('req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'failed', 'goal (peak, embedded)');
const table = rows.map((r) => [
	r.database,
	r.sharedBuffers,
	mb(r.idleMb),
	mb(r.peakMb),
	mb(r.afterMb),
	mb(r.requestsPerSecond),
	ms(r.p50),
	ms(r.p95),
	ms(r.p99),
	String(r.failed),
	r.database === 'PGlite' ? `< ${GOAL_MB} MB ${r.peakMb < GOAL_MB ? 'met' : 'MISSED'}` : '-'
]);
const widths = cols.map((c, i) => Math.max(c.length, ...table.map((t) => t[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(
	`\nServer process RSS; load: /en and /en/sign-in, ${CONNECTIONS} connections, ${SECONDS} s`
);
console.log('(with PostgreSQL the database server runs in its own processes, not counted here)\n');
console.log(line(cols));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const t of table) console.log(line(t));

const resultsDir = path.join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `memory-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), SECONDS, rows }, null, 2));
console.log(`\nResults: ${path.relative(root, file)}`);
