// PostgreSQL execution time of the directory's own statements, as the application sends them:
// each query below goes through members/search-members.ts (or services/search-services.ts) once,
// every statement it sends is captured, then run under EXPLAIN (ANALYZE); the median of the
// measured runs is reported, summed over the request's statements. Reported, never asserted.
// Usage (a database seeded with `npm run seed -- --members 100000 --services 10000 …`, migrated):
//   node bench/search/measure.js [--url postgres://postgres@127.0.0.1:5432/perf] [--runs 5]
//     [--plan auto|generic|custom] [--of members|services|both]
// Named statements are measured prepared (PREPARE, 5 warm-up runs, then --runs more: the plan
// PostgreSQL settles on for a connection), unnamed ones as sent (planned per call).
import process from 'node:process';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
	options: {
		url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/perf' },
		runs: { type: 'string', default: '5' },
		plan: { type: 'string', default: 'auto' },
		of: { type: 'string', default: 'both' },
		// print the plan (EXPLAIN ANALYZE, text) of the queries whose label contains this
		show: { type: 'string', default: '' }
	}
});
const RUNS = Number(values.runs);
const member = { id: 'bench-viewer', roles: ['member'] };
const MEMBER_CASES = [
	['mohamed', null, { q: 'mohamed' }],
	['nguyen', null, { q: 'nguyen' }],
	['helene mbarga', null, { q: 'helene mbarga' }],
	['al haddad', null, { q: 'al haddad' }],
	['teacher', null, { q: 'teacher' }],
	['nguyen + lang:ar', null, { q: 'nguyen', language: 'ar' }],
	['browse', null, {}],
	['origin:SY + res:DE', null, { origin: 'SY', residence: 'DE' }],
	['hel', null, { q: 'hel' }],
	['m (one letter)', null, { q: 'm' }],
	['mohamed, page 5', null, { q: 'mohamed', page: '5' }],
	['mohamed (member)', member, { q: 'mohamed' }],
	['browse (member)', member, {}]
];
// Coordinates are city centres where the generator places services.
const PARIS = [48.8566, 2.3522];
const SERVICE_CASES = [
	['browse', {}],
	['need:legal', { need: 'legal' }],
	['language:ar', { language: 'ar' }],
	['legal (words)', { q: 'legal' }],
	['housing help', { q: 'housing help' }],
	['legl (typo)', { q: 'legl' }],
	['near Paris', {}, PARIS],
	['near Paris + need', { need: 'legal' }, PARIS],
	['open now', { open: '1' }],
	['free + age 30', { free: '1', age: '30' }],
	['combined', { need: 'legal', language: 'ar', open: '1' }, PARIS],
	['need:food, page 5', { need: 'food', page: '5' }]
];

// Capture what the application sends: every query of node-postgres's clients passes here.
const captured = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
	if (typeof config === 'object' && config?.text)
		captured.push({ ...config, values: config.values ?? rest[0] });
	return query.call(this, config, ...rest);
};

const { openDatabase } = await import('../../src/lib/server/db/client.ts');
const { migrate } = await import('../../src/lib/server/db/migrate.ts');
const database = await openDatabase({ url: values.url, poolSize: 1 });
await migrate(database, values.url);
const client = new pg.Client({
	connectionString: values.url,
	options: '-c max_parallel_workers_per_gather=0'
});
await client.connect();
// auto is what a connection of the application gets; generic / custom force one kind of plan.
await client.query(
	`set plan_cache_mode = ${values.plan === 'auto' ? 'auto' : `force_${values.plan}_plan`}`
);

/** A value as PostgreSQL's text input (arrays as '{"a","b"}'). */
const literal = (v) =>
	Array.isArray(v)
		? `{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`
		: String(v);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function explain(text, params) {
	const { rows } = await client.query(`explain (analyze, format json) ${text}`, params);
	const plan = rows[0]['QUERY PLAN'][0];
	return { execution: plan['Execution Time'], planning: plan['Planning Time'] };
}

let n = 0;
/** Median execution and planning of one captured statement (prepared if it was named). */
async function measure(statement) {
	const params = statement.values ?? [];
	const times = [];
	if (statement.name) {
		const name = `bench_${++n}`;
		await client.query(`prepare ${name} as ${statement.text}`);
		// EXECUTE takes no bind parameters: the values go in as literals.
		const args = params.map((v) => client.escapeLiteral(literal(v)));
		const run = () => explain(`execute ${name}${params.length ? `(${args.join(', ')})` : ''}`, []);
		for (let i = 0; i < 5; i++) await run();
		for (let i = 0; i < RUNS; i++) times.push(await run());
		await client.query(`deallocate ${name}`);
	} else {
		await explain(statement.text, params);
		for (let i = 0; i < RUNS; i++) times.push(await explain(statement.text, params));
	}
	if (statement.show) {
		const text = statement.name ? `execute bench_${n}x` : statement.text;
		if (statement.name) {
			await client.query(`prepare bench_${n}x as ${statement.text}`);
			const args = params.map((v) => client.escapeLiteral(literal(v)));
			const { rows } = await client.query(
				`explain (analyze, buffers) ${text}${params.length ? `(${args.join(', ')})` : ''}`
			);
			await client.query(`deallocate bench_${n}x`);
			console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
		} else {
			const { rows } = await client.query(`explain (analyze, buffers) ${text}`, params);
			console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
		}
	}
	return {
		execution: median(times.map((t) => t.execution)),
		planning: median(times.map((t) => t.planning))
	};
}

/** Runs one search, then measures every statement it sent. */
async function report(label, search, pattern) {
	captured.length = 0;
	const result = await search();
	const statements = captured.filter((c) => pattern.test(c.text));
	if (!statements.length) throw new Error(`no statement captured for ${label}`);
	let execution = 0;
	let planning = 0;
	for (const statement of statements) {
		const t = await measure({ ...statement, show: values.show && label.includes(values.show) });
		execution += t.execution;
		planning += t.planning;
	}
	const total = `${result.total}${result.totalIsLowerBound ? '+' : ''}`;
	console.log(
		`${label.padEnd(20)} ${String(result.items.length).padStart(5)} ${total.padStart(6)} ${execution
			.toFixed(2)
			.padStart(15)} ${planning.toFixed(2).padStart(13)}  ${statements.length} (${statements
			.map((s) => s.name ?? 'unnamed')
			.join(', ')})`
	);
}

const header = 'query                 rows  total   execution(ms)  planning(ms)  statements';
if (values.of !== 'services') {
	const { searchMembers } = await import('../../src/lib/server/members/search-members.ts');
	const { directoryQuery } = await import('../../src/lib/members/directory.ts');
	console.log(`Members\n${header}`);
	for (const [label, actor, q] of MEMBER_CASES)
		await report(
			label,
			() => searchMembers(database.db, actor, directoryQuery.parse(q)),
			/member_(search|profile)/
		);
}
if (values.of !== 'members') {
	const { searchServices } = await import('../../src/lib/server/services/search-services.ts');
	const { serviceQuery } = await import('../../src/lib/services/search-query.ts');
	// A fixed moment (a Tuesday, 10:00 in Paris) so "open now" reads the same rows each run.
	const at = new Date('2026-12-01T09:00:00Z');
	console.log(`\nServices\n${header}`);
	for (const [label, q, near] of SERVICE_CASES)
		await report(
			label,
			() =>
				searchServices(database.db, serviceQuery.parse(q), {
					locale: 'en',
					at,
					origin: near ? { lat: near[0], lon: near[1] } : null
				}),
			/service/
		);
}
await client.end();
await database.close();
process.exit(0);
