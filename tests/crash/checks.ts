// What must hold after the server restarts on the data it was killed on: through the app's own
// pages, and in the database itself (every acknowledged write, whole; no index or table in need
// of repair).
import assert from 'node:assert/strict';
import type { Client } from './client.ts';
import type { Target } from './targets.ts';
import { seq, STATUSES, type Member, type Referral, type Status } from './writes.ts';

/**
 * Through the app's own pages: sessions survived, each profile holds its last acknowledged save
 * (or the one in flight at the kill), whole; every acknowledged referral is there.
 */
export async function checkPages(members: Member[], caseworker: Client, referrals: Referral[]) {
	for (const m of members) {
		const page = await m.client.get('/en/profile');
		assert.equal(page.status, 200, `${m.email} is still signed in`);
		const value = (id: string) =>
			page.text.match(new RegExp(`<(?:input|textarea)[^>]*id="${id}"[^>]*>`))?.[0];
		const headline = value('f-headline')?.match(/value="([^"]*)"/)?.[1];
		const city = value('f-city')?.match(/value="([^"]*)"/)?.[1];
		const n = seq(headline);
		assert.ok(
			n >= m.acked && n <= m.sent,
			`${m.email}: page shows save ${n}, acknowledged ${m.acked}, sent ${m.sent}`
		);
		assert.equal(seq(city), n, `${m.email}: one save, whole`);
	}
	for (const r of referrals) {
		const page = await caseworker.get(`/en/referrals/${r.id}`);
		assert.equal(page.status, 200, `acknowledged referral ${r.id} is there`);
	}
}

/** Reads the database itself: every acknowledged write, whole, and no index or table in need of repair. */
export async function checkDatabase(target: Target, members: Member[], referrals: Referral[]) {
	const sql = await target.open();
	try {
		const profiles = await sql.query<{
			email: string;
			headline: string;
			city: string;
			bio: string;
		}>(
			`select u.email, p.headline, p.city, p.bio from member_profile p
			 join "user" u on u.id = p.user_id where u.email = any($1)`,
			[members.map((m) => m.email)]
		);
		for (const m of members) {
			const row = profiles.find((p) => p.email === m.email);
			assert.ok(row || m.acked === 0, `${m.email} has a profile row`);
			if (!row) continue;
			const n = seq(row.headline);
			assert.ok(n >= m.acked && n <= m.sent, `${m.email}: stored save ${n}, acked ${m.acked}`);
			assert.equal(seq(row.city), n, `${m.email}: city of the same save`);
			assert.equal(seq(row.bio), n, `${m.email}: bio of the same save`);
		}
		const rows = await sql.query<{ id: string; status: Status; events: number | string }>(
			`select r.id, r.status,
			   (select count(*) from referral_event e where e.referral_id = r.id and e.kind = 'status') as events
			 from referral r where r.id = any($1)`,
			[referrals.map((r) => r.id)]
		);
		for (const r of referrals) {
			const row = rows.find((x) => x.id === r.id);
			assert.ok(row, `acknowledged referral ${r.id} is stored`);
			const at = STATUSES.indexOf(row.status);
			assert.ok(at >= STATUSES.indexOf(r.acked), `${r.id}: ${row.status}, acked ${r.acked}`);
			// Past the acknowledged status only by the one transition that had no answer.
			const most = STATUSES.indexOf(r.acked) + (r.inDoubt ? 1 : 0);
			assert.ok(at <= most, `${r.id}: ${row.status}, past what was acknowledged`);
			assert.equal(Number(row.events), at + 1, `${r.id}: one status event per status reached`);
		}
		// No repair needed: every B-tree index agrees with its table, every table reads through.
		await sql.query('create extension if not exists amcheck');
		const indexes = await sql.query<{ name: string }>(
			`select c.oid::regclass::text as name from pg_index i
			 join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
			 join pg_namespace n on n.oid = c.relnamespace
			 where a.amname = 'btree' and c.relkind = 'i' and i.indisvalid
			   and n.nspname in ('public', 'drizzle', 'pgboss')`
		);
		assert.ok(indexes.length > 20, `${indexes.length} indexes to check`);
		for (const { name } of indexes)
			await sql.query('select bt_index_check($1::regclass, true)', [name]);
		const tables = await sql.query<{ name: string }>(
			`select format('%I.%I', schemaname, tablename) as name from pg_tables
			 where schemaname in ('public', 'drizzle', 'pgboss')`
		);
		for (const { name } of tables) await sql.query(`select count(*) from ${name}`);
		console.log(`${target.name}: ${indexes.length} indexes and ${tables.length} tables check out`);
	} finally {
		await sql.close();
	}
}
