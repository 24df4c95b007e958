// `npm start`: builds the platform when the build is missing or older than the sources, then serves it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'build', 'index.js');

function newest(entry) {
	const full = path.join(root, entry);
	if (!existsSync(full)) return 0;
	const stat = statSync(full);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let max = stat.mtimeMs;
	for (const name of readdirSync(full)) {
		if (name === 'paraglide' || name.startsWith('.')) continue;
		max = Math.max(max, newest(path.join(entry, name)));
	}
	return max;
}

const sources = ['src', 'messages', 'static', 'vite.config.ts', 'package.json', 'project.inlang'];
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
	console.log('Building Passerelle (first start or changed sources; about a minute)…');
	const started = Date.now();
	// The build's own output lists every file and ends with "Run npm run preview", which is not how
	// Passerelle is started: only its warnings and errors are shown.
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
		{ cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }
	);
	const shown = (result.stdout ?? '')
		.split('\n')
		.filter((line) => /warn|error|✘|failed/i.test(line) && !/npm run preview/.test(line));
	for (const line of shown) console.log(line);
	if (result.status !== 0) {
		console.error(result.stdout);
		process.exit(result.status ?? 1);
	}
	console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
process.chdir(root);
await import('./serve.js');
