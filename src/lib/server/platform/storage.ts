import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where uploaded and generated files live: a directory here, object storage in production. */
export type Storage = {
	put(key: string, data: Buffer): Promise<void>;
	get(key: string): Promise<Buffer | null>;
	remove(key: string): Promise<void>;
	/** Every key, for backups. */
	list(): AsyncIterable<string>;
};

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

function checkKey(key: string) {
	if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error('storage: unsafe key');
}

export function localStorage(root: string): Storage {
	const full = (key: string) => {
		checkKey(key);
		return path.join(root, key);
	};
	return {
		async put(key, data) {
			const file = full(key);
			await mkdir(path.dirname(file), { recursive: true });
			// Write then rename: a crash never leaves a half-written file under the real name.
			const tmp = `${file}.${process.pid}.tmp`;
			await writeFile(tmp, data);
			await rename(tmp, file);
		},
		async get(key) {
			try {
				return await readFile(full(key));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw error;
			}
		},
		async remove(key) {
			await rm(full(key), { force: true });
		},
		async *list() {
			let entries;
			try {
				entries = await readdir(root, { recursive: true, withFileTypes: true });
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
				throw error;
			}
			for (const entry of entries) {
				if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
				const key = path
					.relative(root, path.join(entry.parentPath, entry.name))
					.split(path.sep)
					.join('/');
				if (SAFE_KEY.test(key)) yield key;
			}
		}
	};
}
