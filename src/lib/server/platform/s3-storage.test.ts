import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startLocalS3 } from '../../../../tests/support/s3.ts';
import { tinyPdf } from '../../../../tests/support/files.ts';
import { parseConfig } from './config.ts';
import { s3Storage } from './s3-storage.ts';
import { localStorage, type Storage } from './storage.ts';
import { testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import { contributeResource } from '../library/contribute.ts';
import { resourceFile } from '../library/read.ts';

let s3: Awaited<ReturnType<typeof startLocalS3>>;
beforeAll(async () => {
	s3 = await startLocalS3();
});
afterAll(() => s3.stop());

const backends: { name: string; make: () => Storage }[] = [
	{
		name: 'a local directory',
		make: () => localStorage(mkdtempSync(path.join(tmpdir(), 'files-')))
	},
	{
		name: 'S3-compatible storage',
		make: () => s3Storage({ ...parseConfig({ ...s3.env, LOG_LEVEL: 'silent' }).s3! })
	}
];

describe.each(backends)('files in $name', ({ make }) => {
	it('keep bytes exactly, answer null for a missing key, and list every key', async () => {
		const storage = make();
		const prefix = `t${Date.now()}`;
		const data = randomBytes(300_000);
		await storage.put(`${prefix}/a.bin`, data);
		expect((await storage.get(`${prefix}/a.bin`))!.equals(data)).toBe(true);
		await storage.put(`${prefix}/empty`, Buffer.alloc(0));
		expect((await storage.get(`${prefix}/empty`))!.byteLength).toBe(0);
		expect(await storage.get(`${prefix}/missing`)).toBeNull();
		await storage.remove(`${prefix}/missing`);
		await storage.remove(`${prefix}/a.bin`);
		expect(await storage.get(`${prefix}/a.bin`)).toBeNull();
		// More keys than one page of an S3 listing (1,000).
		const keys = Array.from(
			{ length: 1030 },
			(_, i) => `${prefix}/many/${String(i).padStart(4, '0')}`
		);
		for (let i = 0; i < keys.length; i += 50)
			await Promise.all(keys.slice(i, i + 50).map((k) => storage.put(k, Buffer.from(k))));
		const listed: string[] = [];
		for await (const key of storage.list()) if (key.startsWith(`${prefix}/`)) listed.push(key);
		expect(listed.sort()).toEqual([`${prefix}/empty`, ...keys].sort());
	});
});

describe('S3 settings', () => {
	it('need a bucket and keys; path style unless the host is AWS', () => {
		expect(() => parseConfig({ S3_URL: 'https://s3.example.org' })).toThrow(/S3_BUCKET is needed/);
		expect(parseConfig(s3.env).s3).toMatchObject({ bucket: 'passerelle-test', pathStyle: true });
		expect(
			parseConfig({ ...s3.env, S3_URL: 'https://s3.eu-west-3.amazonaws.com' }).s3?.pathStyle
		).toBe(false);
		expect(() => parseConfig({ ...s3.env, S3_BUCKET: 'No_Such' })).toThrow(/S3_BUCKET/);
	});

	it('the platform keeps a library file in the bucket and serves it back', async () => {
		const s = await testServices({ kind: 'pglite' }, s3.env);
		try {
			const m = await buildMember(s, { roles: ['moderator'] });
			const actor = { id: m.id, roles: ['member' as const, 'moderator' as const] };
			const made = await contributeResource(
				{ db: s.database.db, storage: s.storage },
				actor,
				{
					title: 'Stored in the bucket',
					description: 'A checklist kept in object storage, as in production.',
					language: 'en',
					themes: ['documents']
				},
				{ data: tinyPdf('s3'), name: 'bucket.pdf' }
			);
			if (!made.ok) throw new Error(JSON.stringify(made));
			const direct = s3Storage(parseConfig(s3.env).s3!);
			const keys: string[] = [];
			for await (const key of direct.list()) if (key.startsWith('library/')) keys.push(key);
			expect(keys).toEqual([`library/${made.value.id}.pdf`]);
			const served = await resourceFile(
				{ db: s.database.db, storage: s.storage },
				null,
				made.value.id
			);
			expect(served!.data.equals(tinyPdf('s3'))).toBe(true);
		} finally {
			await s.database.close();
		}
	});
});
