import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/**
 * PGlite is one process's database: two processes writing one directory would corrupt it.
 * A lock file with the owner's pid keeps a second process (a CLI command while the server
 * runs) out; a lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
	const file = `${dir}.lock`;
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(file, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			const release = () => rmSync(file, { force: true });
			process.once('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(readFileSync(file, 'utf8'));
			if (pid && pid !== process.pid && isAlive(pid)) {
				throw new Error(
					`The embedded database ${dir} is in use by process ${pid}. Stop the server first (or use DATABASE_URL).`,
					{ cause: error }
				);
			}
			rmSync(file, { force: true });
		}
	}
	throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
