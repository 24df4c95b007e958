import { it, expect } from 'vitest';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { parseConfig } from '../platform/config.ts';
import { createServices } from '../platform/services.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { escoSampleDir, seedEsco } from './seed-esco.ts';
import { importEsco } from './import-esco.ts';
import { searchEsco } from './search-esco.ts';

const log = (...a: unknown[]) => appendFileSync('/tmp/esco-bench.log', a.join(' ') + '\n');
it('seed on disk pglite', async () => {
	for (let i = 0; i < 3; i++) {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-'));
		const s = await createServices(
			parseConfig({
				DATA_DIR: dataDir,
				SEED_DEMO: 'false',
				AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
				LOG_LEVEL: 'silent'
			})
		);
		const t = performance.now();
		const r = await seedEsco(s.database.db);
		log('pglite-disk seed', Math.round(performance.now() - t), r.ok);
		await s.database.close();
	}
	expect(1).toBe(1);
}, 120000);
it.each(DATABASES)(
	'bench $kind',
	async (target) => {
		const s = await testServices(target);
		let t = performance.now();
		await seedEsco(s.database.db);
		log(target.kind, 'seed', Math.round(performance.now() - t));
		for (const bs of [250, 500, 1000, 2000]) {
			t = performance.now();
			await importEsco(s.database.db, escoSampleDir(), { batchSize: bs });
			log(target.kind, 'reimport batch', bs, Math.round(performance.now() - t));
		}
		for (const q of [
			'nurse',
			'nur',
			'n',
			'ab',
			'a b',
			'nurse g',
			'manage staff',
			'physiotherapistt'
		]) {
			const times = [];
			for (let i = 0; i < 3; i++) {
				t = performance.now();
				await searchEsco(s.database.db, q);
				times.push(Math.round(performance.now() - t));
			}
			log(target.kind, q, times.join('/'));
		}
		await s.database.close();
		expect(1).toBe(1);
	},
	120000
);
