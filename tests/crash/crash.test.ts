// Crash test: the built server is SIGKILLed in the middle of a burst of writes (members saving
// their profiles, staff creating referrals and moving them on), on the embedded database and on
// PostgreSQL. After a restart on the same data, every write that was acknowledged to its client
// must be there, the server must reach /readyz on its own, and the database must need no repair
// (amcheck finds every index consistent with its table; every table reads).
//
// Run with `npm run test:crash` after `npm run build`. PostgreSQL is used only when
// TEST_DATABASE_URL is set, in a scratch database `crash_test` that is created and dropped here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { startSmtp } from '../support/smtp.ts';
import { Client, type ActionAnswer } from './client.ts';
import {
	killServer,
	passerelle,
	startServer,
	stopServer,
	waitReady,
	type Server
} from './server.ts';

const PORT = 3190;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROUNDS = 2;
/** A round's burst runs until this many writes were acknowledged, then a random while longer. */
const ACKS_BEFORE_KILL = 40;
const PASSWORD = 'crash test passphrase';
const ADMIN = { email: 'admin@crash.example.org', name: 'Crash Admin' };
const RECEIVING = 'maison-des-diasporas';
const REFERRING = 'red-migrante-madrid';
const STATUSES = ['sent', 'accepted', 'in_progress', 'completed'] as const;
type Status = (typeof STATUSES)[number];
const NEXT: Record<Status, string | null> = {
	sent: 'accept',
	accepted: 'start',
	in_progress: 'complete',
	completed: null
};
const PROFILE_FIELDS = [
	'headline',
	'photo',
	'origin',
	'residence',
	'city',
	'languages',
	'expertise',
	'interests',
	'bio',
	'links'
];

type Sql = {
	query<T>(text: string, params?: unknown[]): Promise<T[]>;
	close(): Promise<void>;
};

type Target = {
	name: string;
	env: Record<string, string>;
	/** Reads the database directly; for PGlite only once the server has stopped. */
	open(): Promise<Sql>;
	cleanup(): void;
};

function pgliteTarget(): Target {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-crash-'));
	return {
		name: 'PGlite',
		env: { DATA_DIR: dataDir },
		async open() {
			const { PGlite } = await import('@electric-sql/pglite');
			const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
			const { amcheck } = await import('@electric-sql/pglite/contrib/amcheck');
			const db = await PGlite.create({
				dataDir: path.join(dataDir, 'db'),
				extensions: { pg_trgm, amcheck }
			});
			return {
				query: async <T>(text: string, params?: unknown[]) =>
					(await db.query<T>(text, params)).rows,
				close: () => db.close()
			};
		},
		cleanup: () => rmSync(dataDir, { recursive: true, force: true })
	};
}

function postgresTarget(base: string): Target {
	const url = new URL(base);
	url.pathname = '/crash_test';
	const cli = [
		'-h',
		url.hostname || '127.0.0.1',
		'-p',
		url.port || '5432',
		'-U',
		decodeURIComponent(url.username) || 'postgres'
	];
	const env = { ...process.env, ...(url.password ? { PGPASSWORD: url.password } : {}) };
	const run = (command: string, args: string[]) => {
		const done = spawnSync(command, [...args, ...cli, 'crash_test'], { env, encoding: 'utf8' });
		if (done.status !== 0) throw new Error(`${command} failed: ${done.stderr}`);
	};
	// Never the `test` database: a scratch one, made anew for this run.
	run('dropdb', ['--if-exists', '--force']);
	run('createdb', []);
	return {
		name: 'PostgreSQL',
		env: { DATABASE_URL: url.href },
		async open() {
			const { default: pg } = await import('pg');
			const client = new pg.Client({ connectionString: url.href });
			await client.connect();
			return {
				query: async <T>(text: string, params?: unknown[]) =>
					(await client.query(text, params)).rows as T[],
				close: () => client.end()
			};
		},
		cleanup: () => run('dropdb', ['--if-exists', '--force'])
	};
}

type Member = { client: Client; name: string; email: string; sent: number; acked: number };
/** `inDoubt`: a transition was on its way when the server died; it may or may not have landed. */
type Referral = { id: string; acked: Status; moving: boolean; inDoubt: boolean };

async function signUp(smtp: Awaited<ReturnType<typeof startSmtp>>, name: string, tag: string) {
	const client = new Client(ORIGIN);
	const email = `crash-${tag}-${Date.now().toString(36)}@crash.example.org`;
	const answer = await client.action('/en/sign-up', { name, email, password: PASSWORD });
	assert.equal(answer.type, 'redirect', `sign-up of ${email}: ${JSON.stringify(answer)}`);
	let mail;
	for (let i = 0; i < 300 && !mail; i++) {
		mail = smtp.mails.find((m) => m.to === email);
		if (!mail) await sleep(100);
	}
	assert.ok(mail, `no verification mail for ${email} (${smtp.mails.map((m) => m.to).join(', ')})`);
	const link = mail.text.match(/https?:\/\/\S+/)?.[0];
	assert.ok(link, `no link in ${mail.text}`);
	const verified = await client.get(link);
	assert.ok(verified.status < 400, `verification link: ${verified.status}`);
	assert.equal((await client.get('/en/account')).status, 200, `${email} is signed in`);
	return { client, name, email };
}

/** The admin of the platform accepts a member's request to join a demo organisation. */
async function join(admin: Client, member: { client: Client; name: string }, slug: string) {
	const asked = await member.client.action(`/en/organisations/${slug}?/join`, {});
	assert.equal(asked.type, 'success', `join ${slug}: ${JSON.stringify(asked)}`);
	const page = await admin.get(`/en/organisations/${slug}`);
	const card = [...page.text.matchAll(/<li>[\s\S]*?<\/li>/g)]
		.map((m) => m[0])
		.find((li) => li.includes(member.name) && li.includes('value="accept"'));
	const user = card?.match(/name="user" value="([^"]+)"/)?.[1];
	assert.ok(user, `${member.name} waits on the page of ${slug}`);
	const accepted = await admin.action(`/en/organisations/${slug}?/member`, {
		user,
		change: 'accept'
	});
	assert.equal(accepted.type, 'success', `accept in ${slug}: ${JSON.stringify(accepted)}`);
}

async function json<T>(client: Client, url: string) {
	const { status, text } = await client.get(url);
	assert.equal(status, 200, url);
	return JSON.parse(text) as T;
}

function profileFields(m: Member, n: number) {
	return {
		name: m.name,
		headline: `${m.name} save ${n}`,
		city: `City ${n}`,
		bio: `Bio ${n}`,
		residence: '',
		interests: '',
		contentLocale: 'en',
		listed: 'members',
		...Object.fromEntries(PROFILE_FIELDS.map((f) => [`vis_${f}`, 'members']))
	};
}

const seq = (text: string | null | undefined) => Number(text?.match(/(\d+)$/)?.[1] ?? 0);

async function scenario(target: Target) {
	const started = Date.now();
	const smtp = await startSmtp();
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '',
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN,
		SMTP_URL: smtp.url,
		SEED_DEMO: 'true',
		RATE_LIMIT: 'false',
		PAGE_CACHE_SECONDS: '0',
		LOG_LEVEL: process.env.CRASH_LOG_LEVEL ?? 'warn',
		...target.env
	};
	const servers: Server[] = [];
	const start = () => {
		const s = startServer(env);
		servers.push(s);
		return s;
	};
	try {
		passerelle(env, [
			'create-admin',
			'--email',
			ADMIN.email,
			'--name',
			ADMIN.name,
			'--password',
			PASSWORD
		]);
		let server = start();
		await waitReady(server, ORIGIN);

		const admin = new Client(ORIGIN);
		const signedIn = await admin.action('/en/sign-in', { email: ADMIN.email, password: PASSWORD });
		assert.equal(signedIn.type, 'redirect', `admin sign-in: ${JSON.stringify(signedIn)}`);
		// One after another: each waits for its verification mail.
		const accounts = [];
		for (const [i, name] of [
			'Paula Provider',
			'Carlos Caseworker',
			'Amina One',
			'Bilal Two',
			'Chloe Three',
			'Dara Four'
		].entries())
			accounts.push(await signUp(smtp, name, `p${i}`));
		const [provider, caseworker, ...people] = accounts;
		await join(admin, provider, RECEIVING);
		await join(admin, caseworker, REFERRING);
		const orgId = async (slug: string) =>
			(await json<{ id: string }>(admin, `/api/v1/organisations/${slug}`)).id;
		const fromOrganisationId = await orgId(REFERRING);
		const services = await json<{ contents: { id: string }[] }>(
			admin,
			`/api/hsds/services?organization_id=${await orgId(RECEIVING)}`
		);
		const serviceId = services.contents[0]?.id;
		assert.ok(serviceId, `${RECEIVING} has a published service`);
		const members: Member[] = people.map((p) => ({ ...p, sent: 0, acked: 0 }));
		const referrals: Referral[] = [];
		console.log(`${target.name}: set up in ${Date.now() - started} ms`);

		for (let round = 1; round <= ROUNDS; round++) {
			let stop = false;
			let killing = false;
			let inFlight = 0;
			let acks = 0;
			let created = 0;
			const unexpected: string[] = [];
			/** One write; true when it was acknowledged, false when the server went away. */
			async function write(
				send: () => Promise<ActionAnswer>,
				ok: (a: ActionAnswer) => boolean,
				label: string
			) {
				inFlight++;
				try {
					const answer = await send();
					if (!ok(answer)) {
						unexpected.push(`${label}: ${JSON.stringify(answer).slice(-400)}`);
						stop = true;
						return false;
					}
					acks++;
					return true;
				} catch (error) {
					// No answer: the server was killed while this write was on its way. Before the
					// kill, a missing or unreadable answer is a failure of its own.
					if (!killing) {
						unexpected.push(`${label}: ${(error as Error).message.slice(0, 400)}`);
						stop = true;
					}
					return false;
				} finally {
					inFlight--;
				}
			}

			const saving = members.map(async (m) => {
				while (!stop) {
					const n = ++m.sent;
					const done = await write(
						() => m.client.action('/en/profile?/save', profileFields(m, n)),
						(a) => a.type === 'success',
						`profile ${m.email} #${n}`
					);
					if (!done) return;
					m.acked = n;
				}
			});
			const referring = [1, 2].map(async (lane) => {
				while (!stop) {
					const name = `Crash person ${round}-${lane}-${++created}`;
					let id = '';
					const done = await write(
						() =>
							caseworker.client.action('/en/referrals/new', {
								serviceId,
								fromOrganisationId,
								name,
								contact: '',
								language: '',
								notes: '',
								shared: 'name',
								purpose: 'A bed for tonight.',
								method: 'verbal',
								agreed: 'yes'
							}),
						(a) => {
							id =
								a.type === 'redirect'
									? (a.location.match(/\/referrals\/([0-9a-f-]{36})\?created=1$/)?.[1] ?? '')
									: '';
							return !!id;
						},
						`referral ${name}`
					);
					if (!done) return;
					referrals.push({ id, acked: 'sent', moving: false, inDoubt: false });
				}
			});
			const receiving = (async () => {
				while (!stop) {
					const r = referrals.find((x) => !x.moving && !x.inDoubt && NEXT[x.acked]);
					if (!r) {
						await sleep(10);
						continue;
					}
					const transition = NEXT[r.acked]!;
					r.moving = true;
					const done = await write(
						() =>
							provider.client.action(`/en/referrals/${r.id}?/transition`, {
								transition,
								expected: r.acked,
								reason: '',
								outcome: transition === 'complete' ? 'service_provided' : '',
								feedback: transition === 'complete' ? 'Stayed three nights.' : ''
							}),
						(a) => a.type === 'success' && (a.data ?? '').includes('referral_status_saved'),
						`${transition} ${r.id}`
					);
					r.moving = false;
					if (!done) {
						r.inDoubt = true;
						return;
					}
					r.acked = STATUSES[STATUSES.indexOf(r.acked) + 1];
				}
			})();

			// The burst runs; the server is killed at a random moment once enough writes landed.
			const burstStarted = Date.now();
			while (acks < ACKS_BEFORE_KILL && !stop && Date.now() - burstStarted < 30_000) await sleep(5);
			const extra = 150 + Math.floor(Math.random() * 1000);
			await sleep(extra);
			const inFlightAtKill = inFlight;
			killing = true;
			await killServer(server);
			stop = true;
			await Promise.all([...saving, ...referring, receiving]);
			assert.deepEqual(unexpected, [], 'every write was accepted until the kill');
			console.log(
				`${target.name} round ${round}: SIGKILL after ${Date.now() - burstStarted} ms (${extra} ms past ${ACKS_BEFORE_KILL} acks), ${acks} writes acknowledged, ${inFlightAtKill} in flight`
			);
			assert.ok(acks >= ACKS_BEFORE_KILL, `at least ${ACKS_BEFORE_KILL} writes acknowledged`);
			assert.ok(inFlightAtKill > 0, 'the server was killed with writes in flight');

			// The same command on the same data, nothing touched in between.
			server = start();
			const readyMs = await waitReady(server, ORIGIN);
			console.log(`${target.name} round ${round}: ready again after ${readyMs} ms`);
			assert.doesNotMatch(server.log(), /PANIC|corrupt|invalid page|checksum|pg_resetwal/i);

			// Through the app's own pages: sessions survived, each profile holds its last
			// acknowledged save (or the one in flight at the kill), whole.
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
				const page = await caseworker.client.get(`/en/referrals/${r.id}`);
				assert.equal(page.status, 200, `acknowledged referral ${r.id} is there`);
			}
			if (target.name === 'PostgreSQL') await checkDatabase(target, members, referrals);
		}
		await stopServer(server);
		await checkDatabase(target, members, referrals);
		console.log(
			`${target.name}: ${members.reduce((n, m) => n + m.acked, 0)} profile saves and ${referrals.length} referrals acknowledged, all there; ${Date.now() - started} ms in all`
		);
	} catch (error) {
		console.log(`${target.name}: the server's last words:\n${servers.at(-1)?.log().slice(-4000)}`);
		throw error;
	} finally {
		for (const s of servers) await stopServer(s);
		await smtp.close();
		target.cleanup();
	}
}

/** Reads the database itself: every acknowledged write, whole, and no index or table in need of repair. */
async function checkDatabase(target: Target, members: Member[], referrals: Referral[]) {
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

test('SIGKILL during a burst of writes on PGlite: acknowledged writes survive, no repair', async () => {
	await scenario(pgliteTarget());
});

test(
	'SIGKILL during a burst of writes on PostgreSQL: acknowledged writes survive, no repair',
	{ skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set' },
	async () => {
		await scenario(postgresTarget(process.env.TEST_DATABASE_URL!));
	}
);
