// Crash test: the built server is SIGKILLed in the middle of a burst of writes (members saving
// their profiles, staff creating referrals and moving them on), on the embedded database and on
// PostgreSQL. After a restart on the same data, every write that was acknowledged to its client
// must be there, the server must reach /readyz on its own, and the database must need no repair
// (amcheck finds every index consistent with its table; every table reads).
//
// Run with `npm run test:crash` after `npm run build`. PostgreSQL is used only when
// TEST_DATABASE_URL is set, in a scratch database `crash_test` that is created and dropped here.
// Beside this file: the databases (targets.ts), the accounts (accounts.ts), the burst of writes
// (writes.ts), the checks after a restart (checks.ts), the server (server.ts), the client (client.ts).
import assert from 'node:assert/strict';
import process from 'node:process';
import { test } from 'node:test';
import { startSmtp } from '../support/smtp.ts';
import { join, json, PASSWORD, signUp } from './accounts.ts';
import { checkDatabase, checkPages } from './checks.ts';
import { Client } from './client.ts';
import {
	killServer,
	passerelle,
	startServer,
	stopServer,
	waitReady,
	type Server
} from './server.ts';
import { pgliteTarget, postgresTarget, type Target } from './targets.ts';
import { burstUntilKilled, type Member, type Referral } from './writes.ts';

const PORT = 3190;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROUNDS = 2;
/** A round's burst runs until this many writes were acknowledged, then a random while longer. */
const ACKS_BEFORE_KILL = 40;
const ADMIN = { email: 'admin@crash.example.org', name: 'Crash Admin' };
const RECEIVING = 'maison-des-diasporas';
const REFERRING = 'red-migrante-madrid';

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
			accounts.push(await signUp(smtp, ORIGIN, name, `p${i}`));
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
			const { unexpected, acks, inFlightAtKill, extra, burstStarted } = await burstUntilKilled(
				round,
				{
					members,
					referrals,
					caseworker: caseworker.client,
					provider: provider.client,
					serviceId,
					fromOrganisationId,
					acksBeforeKill: ACKS_BEFORE_KILL,
					kill: () => killServer(server)
				}
			);
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

			await checkPages(members, caseworker.client, referrals);
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
