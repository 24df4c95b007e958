import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildProfile, signIn } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { photoKey, savePhoto } from '../members/photo.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { backup, BackupError, restore } from './backup.ts';

/** Every row of every table, in a stable order, as PostgreSQL itself renders it. */
async function everything(s: AppContext) {
	const db = s.database.db;
	const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);
	const tables = rows(
		await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`)
	).map((t) => (t as { tablename: string }).tablename);
	const out: Record<string, string[]> = {};
	for (const t of tables) {
		const all = rows(await db.execute(sql.raw(`select row_to_json(x)::text as j from "${t}" x`)));
		out[t] = all.map((r) => (r as { j: string }).j).sort();
	}
	return out;
}

describe.each(DATABASES)('backup and restore on $kind', (target) => {
	let s: AppContext;
	const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-backup-'));
	const file = path.join(dir, 'backup.gz');
	let photoVersion = '';
	let memberId = '';
	beforeAll(async () => {
		s = await testServices(target);
		const member = await buildProfile(s, {
			name: 'Amani Njoroge',
			city: 'Nairobi',
			interests: ['نجارة', 'carpentry']
		});
		memberId = member.id;
		await signIn(s, member.email, member.password);
		const image = await sharp({
			create: { width: 80, height: 80, channels: 3, background: '#3a6' }
		})
			.png()
			.toBuffer();
		const saved = await savePhoto(
			{ db: s.database.db, storage: s.storage },
			{ id: member.id, roles: ['member'] },
			member.id,
			image
		);
		if (!saved.ok) throw new Error('photo not saved');
		photoVersion = saved.value.version;
		await createOrganisation(
			s.database.db,
			{ id: member.id, roles: ['member'] },
			{
				name: 'Harambee Lyon',
				kind: 'diaspora_association',
				description: 'Entraide',
				countries: ['FR', 'KE'],
				sectors: ['culture'],
				website: '',
				contentLocale: 'fr'
			}
		);
	});
	afterAll(() => s.database.close());

	it('round-trips every row and every file into an empty data directory', async () => {
		const before = await everything(s);
		const counts = await backup({ db: s.database.db, storage: s.storage }, file);
		expect(counts.files).toBeGreaterThan(0);
		expect(counts.tables.user).toBeGreaterThan(0);

		const fresh = await testServices(target);
		try {
			// A fresh database already holds its seeded taxonomy: restore replaces everything.
			await restore({ db: fresh.database.db, storage: fresh.storage }, file);
			expect(await everything(fresh)).toEqual(before);
			const keys: string[] = [];
			for await (const key of fresh.storage.list()) keys.push(key);
			expect(keys).toContain(photoKey(memberId, photoVersion, 'small'));
			for (const key of keys)
				expect(await fresh.storage.get(key)).toEqual(await s.storage.get(key));
			// Serial ids continue after the restored rows.
			await fresh.database.db.execute(
				sql`insert into audit_log (action, subject_type) values ('after.restore', 'test')`
			);
			const ids = await everything(fresh);
			expect(ids.audit_log.length).toBe(before.audit_log.length + 1);
		} finally {
			await fresh.database.close();
		}
	});

	it('refuses a damaged or foreign file and changes nothing', async () => {
		const before = await everything(s);
		const junk = path.join(dir, 'junk.gz');
		writeFileSync(junk, 'not a backup');
		await expect(restore({ db: s.database.db, storage: s.storage }, junk)).rejects.toBeInstanceOf(
			BackupError
		);
		expect(await everything(s)).toEqual(before);
	});
});
