// Starts and stops the built platform (scripts/serve.js) for the benchmarks, the way it runs in
// production: its own Node process, so its memory can be read from /proc and the benchmark's own
// work (a browser, a load generator) is not counted in it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';

export const root = path.resolve(import.meta.dirname, '../..');

/** The first port from `from` on that nothing listens on (3400 and up stays clear of the tests). */
export async function freePort(from = 3400) {
	for (let port = from; port < from + 100; port++) {
		const free = await new Promise((resolve) => {
			const probe = net.createServer().once('error', () => resolve(false));
			probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
		});
		if (free) return port;
	}
	throw new Error(`No free port between ${from} and ${from + 99}`);
}

/**
 * Starts the built server and resolves once /readyz answers 200.
 * `env` is added to a clean configuration: demo content, no rate limit, quiet logs.
 */
export async function startServer({ port, dataDir, env = {} }) {
	if (!existsSync(path.join(root, 'build/handler.js'))) {
		throw new Error('No build found: run `npx vite build` first.');
	}
	const origin = `http://127.0.0.1:${port}`;
	const inherited = { ...process.env };
	delete inherited.DATABASE_URL; // embedded PGlite unless the caller passes DATABASE_URL in `env`
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		env: {
			...inherited,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATA_DIR: dataDir,
			SEED_DEMO: 'true',
			RATE_LIMIT: 'false',
			LOG_LEVEL: 'warn',
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
	let code;
	exited.then((c) => (code = c));
	const deadline = Date.now() + 120_000; // first start applies migrations and seeds: a few seconds
	while (code === undefined) {
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error('The server did not become ready within 120 s');
		}
		const ready = await fetch(`${origin}/readyz`).then(
			(r) => r.ok,
			() => false
		);
		if (ready) break;
		await sleep(200);
	}
	if (code !== undefined)
		throw new Error(`The server exited with code ${code} before it was ready`);

	return {
		origin,
		pid: child.pid,
		/** SIGTERM, as a process manager would send, then waits for the process to be gone. */
		async stop() {
			if (code === undefined) child.kill('SIGTERM');
			return exited;
		}
	};
}
