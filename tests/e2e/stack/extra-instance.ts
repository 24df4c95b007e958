// A second instance of the built platform, with settings of its own (an https ORIGIN, a proxy in
// front, a metrics token), on a fresh embedded database. For tests of deployment settings.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../../..');

export const EXTRA_PORT = 3197;

export async function startExtraInstance(env: Record<string, string>) {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-e2e-extra-'));
	const url = `http://127.0.0.1:${EXTRA_PORT}`;
	const app: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		stdio: 'inherit',
		env: {
			PATH: process.env.PATH,
			PORT: String(EXTRA_PORT),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			SEED_DEMO: 'false',
			SEED_REFERENCE_DATA: 'false',
			JOBS: 'false',
			PAGE_CACHE_SECONDS: '0',
			LOG_LEVEL: 'warn',
			...env
		}
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
