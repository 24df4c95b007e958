// Private messages at scale, on PostgreSQL: seeds generated members and --messages messages over
// --conversations conversations (one of them --long messages long), then times what a member's
// pages ask, through the application's own operations: the inbox (first page), a conversation of
// --long messages (its newest page, and an older one), and the header's unread count, for the
// busiest members. p50/p95/p99 in ms over --runs calls each. Reported, never asserted. Usage:
//   node bench/messages/measure.js [--members 20000] [--messages 1000000] [--conversations 100000]
//     [--long 500] [--runs 200] [--reuse]
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
	options: {
		members: { type: 'string', default: '20000' },
		messages: { type: 'string', default: '1000000' },
		conversations: { type: 'string', default: '100000' },
		long: { type: 'string', default: '500' },
		runs: { type: 'string', default: '200' },
		reuse: { type: 'boolean', default: false }
	}
});
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'passerelle_messages_bench';
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
const { generateMessages } = await import('../../src/lib/server/seed/generate-messages.ts');
const { inbox, readConversation, unreadConversations } =
	await import('../../src/lib/server/messages/read.ts');
const database = await openDatabase({ url, poolSize: 4 });
await migrate(database, url);
const db = database.db;
const started = performance.now();
await generatePopulation(db, { members: Number(values.members), organisations: 0 });
const made = await generateMessages(
	db,
	{
		messages: Number(values.messages),
		conversations: Number(values.conversations),
		long: Number(values.long)
	},
	(line) => line.endsWith('0000/' + values.messages) && console.log(line)
);
console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`, made);

const q = new pg.Client({ connectionString: url });
await q.connect();
const counts = await q.query(
	'select (select count(*) from message) messages, (select count(*) from conversation) conversations'
);
const longId = (
	await q.query(
		'select conversation_id id from message group by conversation_id order by count(*) desc limit 1'
	)
).rows[0].id;
const reader = (
	await q.query(
		`select user_id id from conversation_member where conversation_id = '${longId}' limit 1`
	)
).rows[0].id;
// The members in the most conversations: the heaviest inboxes.
const busiest = (
	await q.query(
		'select user_id id, count(*) n from conversation_member group by user_id order by n desc limit 20'
	)
).rows;
const actor = (id) => ({ id, roles: ['member'] });
const oldest = (
	await q.query(`select min(id) + 100 id from message where conversation_id = '${longId}'`)
).rows[0].id;

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
		`${label.padEnd(44)} p50 ${pct(ms, 0.5).toFixed(2).padStart(7)}  p95 ${pct(ms, 0.95).toFixed(2).padStart(7)}  p99 ${pct(ms, 0.99).toFixed(2).padStart(7)}`
	);
}
console.log(
	`\n${counts.rows[0].messages} messages in ${counts.rows[0].conversations} conversations; busiest member in ${busiest[0].n}`
);
console.log('operation (ms, one call after another)');
await time('inbox, first page (busiest members)', (i) =>
	inbox(db, actor(busiest[i % busiest.length].id))
);
await time('unread conversations (header)', (i) =>
	unreadConversations(db, busiest[i % busiest.length].id)
);
await time(`conversation of ${values.long}, newest page`, () =>
	readConversation(db, actor(reader), longId)
);
await time(`conversation of ${values.long}, an older page`, () =>
	readConversation(db, actor(reader), longId, { before: Number(oldest) })
);
await q.end();
await database.close();
