import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { describe, expect, it } from 'vitest';
import { DATABASES, resetPostgres } from '../test/databases.ts';
import { parseConfig } from '../platform/config.ts';
import { createAppContext } from '../app/context.ts';
import { buildProfile } from '../test/factories.ts';
import { seedEsco, seedEscoRelations } from '../esco/seed-esco.ts';
import { recordsOnly } from '../notifications/notifier.ts';
import { addSkillEntry } from '../skills/profile.ts';
import { postOpportunity } from './post.ts';

const NURSE = 'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50';
const root = path.resolve(import.meta.dirname, '../../../..');
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(DATABASES)('npm run passerelle -- match, on $kind', (target) => {
	it('prints the ranking best first, as sentences or as JSON', { timeout: 120_000 }, async () => {
		if (target.url) await resetPostgres(target.url);
		const env = {
			DATA_DIR: mkdtempSync(path.join(tmpdir(), 'passerelle-match-')),
			SEED_DEMO: 'false',
			SEED_REFERENCE_DATA: 'false',
			AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
			LOG_LEVEL: 'silent',
			JOBS: 'false',
			...(target.url ? { DATABASE_URL: target.url } : {})
		};
		const s = await createAppContext(parseConfig(env));
		const db = s.database.db;
		await seedEsco(db);
		await seedEscoRelations(db);
		const nurse = await buildProfile(s, { name: 'Amina Diallo', residence: 'FR' });
		await addSkillEntry(db, { id: nurse.id, roles: ['member'] }, 'occupation', { uri: NURSE });
		const poster = await buildProfile(s, { name: 'Claire Martin' });
		const post = async (title: string, required: string, language = 'fr') => {
			const made = await postOpportunity(
				{ db, notifier: recordsOnly },
				{ id: poster.id, roles: ['member'] },
				{
					type: 'job',
					title,
					description: 'A description long enough to be a real one, for the test.',
					language: 'en',
					workplace: 'on_site',
					countries: ['FR'],
					required,
					languages: [{ code: language, level: 'B1' }],
					deadline: day(20)
				},
				{ reviewed: true, skipLimit: true }
			);
			if (!made.ok) throw new Error(JSON.stringify(made));
			return made.value.id;
		};
		const care = await post('Night nurse', 'hygiene in a health care setting');
		const metal = await post('Metal worker', 'non-ferrous metal processing');
		await s.database.close();

		const run = (...args: string[]) =>
			spawnSync(process.execPath, ['scripts/passerelle.js', 'match', ...args], {
				cwd: root,
				env: { ...process.env, ...env },
				encoding: 'utf8',
				timeout: 90_000
			});
		const json = run('--member', nurse.id, '--json');
		expect(json.status, json.stderr).toBe(0);
		const ranking = JSON.parse(json.stdout) as { id: string; score: number; reasons: string[] }[];
		expect(ranking.map((r) => r.id)).toEqual([care, metal]);
		expect(ranking[0].score).toBeGreaterThan(ranking[1].score);
		expect(ranking[0].reasons).toContain('Essential skills: 1 of 1.');
		expect(ranking[1].reasons[0]).toBe(
			'Essential skills: 0 of 1; missing: non-ferrous metal processing.'
		);
		const people = run('--opportunity', care, '--json', '--language', 'fr');
		expect(people.status, people.stderr).toBe(0);
		const found = JSON.parse(people.stdout) as { id: string; reasons: string[] }[];
		expect(found.map((p) => p.id)).toEqual([nurse.id]);
		expect(found[0].reasons).toContain('Compétences essentielles : 1 sur 1.');
		const text = run('--member', nurse.id);
		expect(text.stdout).toMatch(/^0\.\d{3} {2}\S+ {2}Night nurse\n {7}Essential skills: 1 of 1\./);
		const unknown = run('--opportunity', '00000000-0000-4000-8000-000000000000');
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('No opportunity');
		expect(run('--member', nurse.id, '--opportunity', care).status).toBe(1);
	});
});
