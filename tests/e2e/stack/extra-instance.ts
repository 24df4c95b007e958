// A second instance of the built platform, with settings of its own (an https ORIGIN, a proxy in
// front, a metrics token), on a fresh embedded database. For tests of deployment settings.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../../..');

export const EXTRA_PORT = 3197;

/**
 * `port`: another one than EXTRA_PORT for specs that may run beside those using it. `admin`: an
 * administrator created (through the command line, on the same data directory) before it starts.
 */
export async function startExtraInstance(
	env: Record<string, string>,
	opts: { port?: number; admin?: { email: string; name: string; password: string } } = {}
) {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-e2e-extra-'));
	const port = opts.port ?? EXTRA_PORT;
	const url = `http://127.0.0.1:${port}`;
	const fullEnv = {
		PATH: process.env.PATH,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		SEED_DEMO: 'false',
		SEED_REFERENCE_DATA: 'false',
		JOBS: 'false',
		PAGE_CACHE_SECONDS: '0',
		LOG_LEVEL: 'warn',
		...env
	};
	if (opts.admin) {
		const made = spawnSync(
			process.execPath,
			[
				'scripts/passerelle.js',
				'create-admin',
				'--email',
				opts.admin.email,
				'--name',
				opts.admin.name,
				'--password',
				opts.admin.password
			],
			{ cwd: root, env: fullEnv, encoding: 'utf8' }
		);
		if (made.status !== 0) throw new Error(`create-admin failed: ${made.stderr}`);
	}
	const app: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		stdio: 'inherit',
		env: fullEnv
	});
	const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()));
	await expect
		.poll(
			async () => {
				if (app.exitCode !== null) throw new Error(`the instance stopped (${app.exitCode})`);
				return fetch(`${url}/readyz`).then(
					(r) => r.status,
					() => 0
				);
			},
			{ timeout: 60_000, intervals: [250] }
		)
		.toBe(200);
	return {
		url,
		async stop() {
			app.kill('SIGTERM');
			await exited;
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
