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
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { freePort, root, startServer } from '../lib/server.js';

// The app's own database client, as the CLI (scripts/passerelle.js) uses it: it loads the PGlite
// extensions the migrations need and takes the same lock as the server.
const { openDatabase } = await import('../../src/lib/server/db/client.ts');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;
const GOAL_MB = 400;
const PG_URL =
	process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/passerelle_bench';

// 20,000 organisations, so the database is not the near-empty one of a fresh install. One
// statement, the same for PGlite and PostgreSQL; the names sort first, so the home page (first
// organisations by name) shows these rows.
const GROW = `insert into organisation (id, slug, name, kind, description, content_locale, country_code)
	select 'bench-' || i, 'bench-org-' || i, 'Association ' || lpad(i::text, 5, '0'),
		(array['ngo', 'diaspora_association', 'municipality'])[1 + i % 3],
		repeat('Accueil, cours de langue, aide aux démarches et orientation vers les services. ', 5),
		(array['en', 'fr', 'ar', 'es'])[1 + i % 4], (array['FR', 'ES', 'JO', 'SN'])[1 + i % 4]
	from generate_series(1, 20000) as i`;

/** Adds the rows with the server stopped (a PGlite directory is one process's at a time). */
async function grow(options) {
	const database = await openDatabase(options);
	try {
		await database.db.execute(sql.raw(GROW));
	} finally {
		await database.close();
	}
}

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
	try {
		await (await startServer({ port, dataDir })).stop();
		await grow({ pgliteDir: path.join(dataDir, 'db') });
		return dataDir;
	} catch (error) {
		rmSync(dataDir, { recursive: true, force: true });
		throw error;
	}
}

/** A fresh passerelle_bench database: dropped and created so the migrations run from scratch. */
async function preparePostgres(port, dataDir) {
	const name = new URL(PG_URL).pathname.slice(1);
	// It is dropped: refuse anything that is not plainly a benchmark database.
	if (!name.includes('bench')) throw new Error(`${name} is not a benchmark database`);
	const admin = new pg.Client({
		connectionString: Object.assign(new URL(PG_URL), { pathname: '/postgres' }).href
	});
	await admin.connect();
	await admin.query(`drop database if exists "${name}" with (force)`);
	await admin.query(`create database "${name}"`);
	await admin.end();
	await (await startServer({ port, dataDir, env: { DATABASE_URL: PG_URL } })).stop();
	await grow({ url: PG_URL });
}

// Node sizes V8's heap from the machine's memory: on a large machine semi-spaces of 64 MB and an
// old generation that grows in big steps. TUNED caps both (the old-space cap alone leaves the young
// generation as it is), roughly as V8 would size them on a 1 GB machine, to show how much of the
// footprint is heap headroom rather than data.
const TUNED = '--max-old-space-size=256 --max-semi-space-size=4';
const VARIANTS = [
	{ database: 'PGlite', buffersMb: 16, nodeOptions: '' },
	{ database: 'PGlite', buffersMb: 128, nodeOptions: '' },
	{ database: 'PGlite', buffersMb: 16, nodeOptions: TUNED },
	{ database: 'PostgreSQL', nodeOptions: '' },
	{ database: 'PostgreSQL', nodeOptions: TUNED }
];

const port = await freePort(3400);
const pgliteDir = await preparePglite(port);
const pgDataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-')); // uploaded files only
// Without a PostgreSQL server at hand the embedded rows are still worth having.
const withPostgres = await preparePostgres(port, pgDataDir).then(
	() => true,
	(error) => {
		console.warn(`PostgreSQL rows skipped: ${error.message}`);
		return false;
	}
);
const rows = [];
try {
	for (const variant of VARIANTS) {
		const { database, buffersMb, nodeOptions } = variant;
		if (database === 'PostgreSQL' && !withPostgres) continue;
		// NODE_OPTIONS is set even when empty, so that none is inherited from this shell.
		const env =
			database === 'PGlite'
				? { NODE_OPTIONS: nodeOptions, PGLITE_SHARED_BUFFERS_MB: String(buffersMb) }
				: { NODE_OPTIONS: nodeOptions, DATABASE_URL: PG_URL };
		const label = `${database}${buffersMb ? ` ${buffersMb} MB` : ''} ${nodeOptions}`;
		console.log(`${label.trim()}: ${SECONDS} s at ${CONNECTIONS} connections…`);
		// The same grown database for every PGlite run: only the settings change between them.
		const server = await startServer({
			port,
			dataDir: database === 'PGlite' ? pgliteDir : pgDataDir,
			env
		});
		try {
			rows.push({ ...variant, ...(await measure(server)) });
		} finally {
			await server.stop();
		}
	}
} finally {
	rmSync(pgliteDir, { recursive: true, force: true });
	rmSync(pgDataDir, { recursive: true, force: true });
}

const mb = (v) => String(Math.round(v));
const ms = (v) => v.toFixed(1);
const cols = ['database', 'shared_buffers', 'NODE_OPTIONS', 'idle MB', 'peak MB', 'after MB'];
cols.push('req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'failed', 'goal (peak, embedded)');
const table = rows.map((r) => [
	r.database,
	r.buffersMb ? `${r.buffersMb} MB` : '(own server)',
	r.nodeOptions || '(none)',
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
