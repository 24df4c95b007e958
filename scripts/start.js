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
	console.log('Building Passerelle (first start or changed sources)…');
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
		{
			cwd: root,
			stdio: 'inherit'
		}
	);
	if (result.status !== 0) process.exit(result.status ?? 1);
}
process.chdir(root);
await import('./serve.js');
