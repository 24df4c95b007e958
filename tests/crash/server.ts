// The built platform (build/) as a child process the crash test can kill: started like
// tests/e2e/stack/start.ts does, on its own port and its own data.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '../..');

export type Server = {
	child: ChildProcess;
	/** Everything it printed, stdout and stderr. */
	log: () => string;
	exited: Promise<number | null>;
};

/** Runs a `passerelle` administration command to its end (the embedded database is locked while it runs). */
export function passerelle(env: NodeJS.ProcessEnv, args: string[]) {
	const run = spawnSync(process.execPath, ['scripts/passerelle.js', ...args], {
		cwd: root,
		env,
		encoding: 'utf8',
		timeout: 120_000
	});
	if (run.status !== 0)
		throw new Error(`passerelle ${args[0]} failed (${run.status}): ${run.stderr}${run.stdout}`);
	return run.stdout;
}

export function startServer(env: NodeJS.ProcessEnv): Server {
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null)))
	);
	return { child, log: () => output, exited };
}

/** Waits until /readyz answers 200; fails if the server stops first or takes too long. */
export async function waitReady(server: Server, origin: string, timeoutMs = 90_000) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (server.child.exitCode !== null || server.child.signalCode !== null)
			throw new Error(`the server stopped before it was ready:\n${server.log().slice(-3000)}`);
		const status = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
			(r) => r.status,
			() => 0
		);
		if (status === 200) return Date.now() - started;
		await sleep(200);
	}
	throw new Error(`not ready after ${timeoutMs} ms:\n${server.log().slice(-3000)}`);
}

/** SIGKILL: no shutdown handler runs, nothing is flushed or closed. */
export async function killServer(server: Server) {
	server.child.kill('SIGKILL');
	await server.exited;
}

/** SIGTERM and wait: the server finishes its requests and closes its database. */
export async function stopServer(server: Server) {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return;
	server.child.kill('SIGTERM');
	const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
	await server.exited;
	clearTimeout(timer);
}
