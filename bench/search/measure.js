// PostgreSQL execution time of the directory's own statements, as the application sends them:
// each query below goes through members/search-members.ts once, its statement is captured, then
// run under EXPLAIN (ANALYZE) and the median of the measured runs is reported. Reported, never
// asserted. Usage (a database seeded with `npm run seed -- --members 100000 …` and migrated):
//   node bench/search/measure.js [--url postgres://postgres@127.0.0.1:5432/perf] [--runs 5]
//     [--plan auto|generic|custom]
// Named statements are measured prepared (PREPARE, 5 warm-up runs, then --runs more: the plan
// PostgreSQL settles on for a connection), unnamed ones as sent (planned per call).
import process from 'node:process';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
	options: {
		url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/perf' },
		runs: { type: 'string', default: '5' },
		plan: { type: 'string', default: 'auto' }
	}
});
const RUNS = Number(values.runs);
const member = { id: 'bench-viewer', roles: ['member'] };
const CASES = [
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

// Capture what the application sends: every query of node-postgres's clients passes here.
const captured = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
	if (typeof config === 'object' && config?.text)
		captured.push({ ...config, values: config.values ?? rest[0] });
	return query.call(this, config, ...rest);
};

const { openDatabase } = await import('../../src/lib/server/db/client.ts');
const { searchMembers } = await import('../../src/lib/server/members/search-members.ts');
const { directoryQuery } = await import('../../src/lib/members/directory.ts');
const database = await openDatabase({ url: values.url, poolSize: 1 });
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
console.log('query                 rows  total   execution(ms)  planning(ms)  statement');
for (const [label, actor, q] of CASES) {
	captured.length = 0;
	const result = await searchMembers(database.db, actor, directoryQuery.parse(q));
	const statement = captured.find((c) => /member_(search|profile)/.test(c.text));
	if (!statement) throw new Error(`no statement captured for ${label}`);
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
	const total = `${result.total}${result.totalIsLowerBound ? '+' : ''}`;
	console.log(
		`${label.padEnd(20)} ${String(result.items.length).padStart(5)} ${total.padStart(6)} ${median(
			times.map((t) => t.execution)
		)
			.toFixed(2)
			.padStart(15)} ${median(times.map((t) => t.planning))
			.toFixed(2)
			.padStart(13)}  ${statement.name ?? 'unnamed'}`
	);
}
await client.end();
await database.close();
process.exit(0);
