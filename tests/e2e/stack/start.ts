// The end-to-end stack: a real SMTP server, an SMS webhook, an OpenID provider, the first
// administrator, and the built platform on a fresh embedded database. Playwright starts it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { startSmtp } from '../../support/smtp.ts';
import { startSmsWebhook } from '../../support/sms-webhook.ts';
import { startOidcProvider } from '../../support/oidc.ts';
import { writeTinyClassifier } from '../../support/tiny-classifier.ts';
import { ADMIN, APP_ORIGIN, APP_PORT, MAILBOX_PORT, OIDC_PORT, SMS_SECRET } from './ports.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-e2e-'));
const smtp = await startSmtp();
const sms = await startSmsWebhook();
const oidc = await startOidcProvider(OIDC_PORT, `${APP_ORIGIN}/api/auth/callback/testid`);

// Tests read what was "delivered" here: GET /mail?to=…, GET /sms?to=…
const mailbox = http.createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://x');
	const to = (url.searchParams.get('to') ?? '').toLowerCase();
	const body =
		url.pathname === '/mail'
			? smtp.mails.filter((m) => m.to === to)
			: url.pathname === '/sms'
				? sms.messages.filter((m) => m.to === to)
				: null;
	if (!body) return res.writeHead(404).end();
	res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});
await new Promise<void>((resolve) => mailbox.listen(MAILBOX_PORT, '127.0.0.1', resolve));

const env = {
	...process.env,
	PORT: String(APP_PORT),
	HOST: '127.0.0.1',
	ORIGIN: APP_ORIGIN,
	DATA_DIR: dataDir,
	SMTP_URL: smtp.url,
	SMS_WEBHOOK_URL: sms.url,
	SMS_INBOUND_SECRET: SMS_SECRET,
	OIDC_PROVIDERS: JSON.stringify([
		{
			id: 'testid',
			name: 'Test ID',
			issuer: oidc.issuer,
			clientId: oidc.clientId,
			clientSecret: oidc.clientSecret
		}
	]),
	SEED_DEMO: 'true',
	// A small real model, so the operator's classifier setting is exercised end to end.
	TEXT_CLASSIFIER_DIR: await writeTinyClassifier(path.join(dataDir, 'classifier')),
	RATE_LIMIT: process.env.E2E_RATE_LIMIT ?? 'false',
	// Flows check what visitors see right after a change; the cache is tested on its own.
	PAGE_CACHE_SECONDS: '0',
	LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
	// The flows that write also run on PostgreSQL (scripts/e2e-postgres.js), from an empty database.
	...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {})
};
if (process.env.E2E_DATABASE_URL) {
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
	await client.connect();
	await client.query(
		'drop schema if exists public cascade; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; create schema public;'
	);
	await client.end();
}
// Asynchronously: this process must keep answering (the OpenID provider lives here).
const admin = spawn(
	process.execPath,
	[
		'scripts/passerelle.js',
		'create-admin',
		'--email',
		ADMIN.email,
		'--name',
		ADMIN.name,
		'--password',
		ADMIN.password
	],
	{ cwd: root, env, stdio: 'inherit' }
);
const adminStatus = await new Promise<number | null>((resolve) => admin.on('exit', resolve));
if (adminStatus !== 0) process.exit(adminStatus ?? 1);

const app = spawn(process.execPath, ['scripts/serve.js'], { cwd: root, env, stdio: 'inherit' });
let stopping = false;
async function stop(code: number) {
	if (stopping) return;
	stopping = true;
	app.kill('SIGTERM');
	await Promise.allSettled([smtp.close(), sms.close(), oidc.close()]);
	mailbox.close();
	setTimeout(() => {
		rmSync(dataDir, { recursive: true, force: true });
		process.exit(code);
	}, 1500);
}
app.on('exit', (code) => stop(code ?? 0));
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
