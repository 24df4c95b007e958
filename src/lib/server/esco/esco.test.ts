import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { setApp } from '#lib/server/app/app.ts';
import { setting } from '../platform/schema.ts';
import { escoConcept, escoOccupationSkill } from './schema.ts';
import { importEsco } from './import-esco.ts';
import { escoSampleDir, seedEsco, seedEscoRelations } from './seed-esco.ts';
import { labelsFor, searchEsco } from './search-esco.ts';
import { occupationSkills } from './relations.ts';
import { GET } from '../../../routes/api/v1/esco/+server.ts';

const OCC = 'http://data.europa.eu/esco/occupation/';
const NURSE = `${OCC}8d3e8aaa-791b-4c75-a465-f3f827028f50`;
const TECH_DIRECTOR = `${OCC}00030d09-2b3a-4efd-87cc-c4ea39d27c34`;
const WIRE = `${OCC}000e93a3-d956-4e45-aacb-f12c83fedf84`;

const fixtures: string[] = [];
function fixtureDir(files: Record<string, string>) {
	const dir = mkdtempSync(path.join(tmpdir(), 'passerelle-esco-'));
	fixtures.push(dir);
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
	return dir;
}

// The official download layout: more columns, camelCase headers, language in the file name.
const FRENCH = `conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status
Occupation,${NURSE},2221,infirmier responsable de soins généraux/infirmière responsable de soins généraux,"infirmière
infirmier
infirmier en soins généraux",,released
Occupation,${TECH_DIRECTOR},2654,directeur technique/directrice technique,"responsable technique",,released
`;

describe.each(DATABASES)('ESCO on $kind', (target) => {
	let s: AppContext;
	const rowCount = async () => {
		const [row] = await s.database.db.select({ n: count() }).from(escoConcept);
		return row.n;
	};
	beforeAll(async () => {
		s = await testServices(target);
		// Start-up may already have seeded the sample: start from an empty table.
		await s.database.db.delete(setting).where(eq(setting.key, 'esco_seeded'));
		await s.database.db.delete(escoConcept);
	});
	afterAll(async () => {
		await s.database.close();
		for (const dir of fixtures.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it('seeds the shipped sample once', async () => {
		const started = performance.now();
		const first = await seedEsco(s.database.db);
		const ms = Math.round(performance.now() - started);
		console.info(`ESCO sample seeded on ${target.kind} in ${ms} ms`);
		expect(first).toEqual({
			ok: true,
			seeded: true,
			occupations: 3007,
			skills: 1000,
			languages: ['en'],
			broader: 1290,
			relations: 8674
		});
		expect(await seedEsco(s.database.db)).toEqual({ ok: true, seeded: false });
		expect(await rowCount()).toBe(4007);
		const [nurse] = await s.database.db
			.select()
			.from(escoConcept)
			.where(eq(escoConcept.uri, NURSE));
		expect(nurse).toMatchObject({
			language: 'en',
			kind: 'occupation',
			preferredLabel: 'nurse responsible for general care',
			iscoCode: '2221'
		});
		// Multi-line cells are one label per line; the repeated preferred label is dropped.
		expect(nurse.altLabels).toContain('ward sister');
		expect(nurse.altLabels).not.toContain('nurse responsible for general care');
		expect(nurse.searchKey.startsWith('nurse responsible for general care | practice nurse')).toBe(
			true
		);
	});

	it('keeps which skills an occupation needs or may use, from a release or the sample', async () => {
		const ofWire = () =>
			s.database.db
				.select({ skill: escoOccupationSkill.skillUri, relation: escoOccupationSkill.relation })
				.from(escoOccupationSkill)
				.where(eq(escoOccupationSkill.occupationUri, WIRE))
				.orderBy(escoOccupationSkill.skillUri);
		const sampled = await ofWire();
		expect(sampled.length).toBeGreaterThan(0);
		const [first] = sampled;
		// A release's file (its own columns): a type changes, unknown ends are left out.
		const flipped = first.relation === 'essential' ? 'optional' : 'essential';
		const release = fixtureDir({
			'occupations_en.csv': `conceptUri,preferredLabel,altLabels\n${WIRE},metal drawing machine operator,\n`,
			'occupationSkillRelations_en.csv': [
				'occupationUri,relationType,skillType,skillUri',
				`${WIRE},${flipped},knowledge,${first.skill}`,
				`${WIRE},essential,knowledge,http://data.europa.eu/esco/skill/not-held`,
				`${OCC}not-held,essential,knowledge,${first.skill}`,
				`${WIRE},sometimes,knowledge,${first.skill}`
			].join('\n')
		});
		expect(await importEsco(s.database.db, release)).toMatchObject({ ok: true, relations: 1 });
		const after = await ofWire();
		expect(after).toHaveLength(sampled.length);
		expect(after[0]).toEqual({ skill: first.skill, relation: flipped });
		// A database seeded before the relations shipped gets them once.
		await s.database.db.delete(escoOccupationSkill);
		await s.database.db.delete(setting).where(eq(setting.key, 'esco_relations_seeded'));
		expect(await seedEscoRelations(s.database.db)).toBe(8674);
		expect(await seedEscoRelations(s.database.db)).toBe(0);
		expect(await ofWire()).toEqual(sampled);
		const read = await occupationSkills(s.database.db, [WIRE, `${OCC}not-held`]);
		expect([...read.keys()]).toEqual([WIRE]);
		expect(read.get(WIRE)?.get(first.skill)).toBe(first.relation);
	});

	it('leaves a database that already holds ESCO alone', async () => {
		await s.database.db.delete(setting).where(eq(setting.key, 'esco_seeded'));
		expect(await seedEsco(s.database.db)).toEqual({ ok: true, seeded: false });
		const marker = await s.database.db.select().from(setting).where(eq(setting.key, 'esco_seeded'));
		expect(marker).toHaveLength(1);
	});

	it('updates on re-import instead of duplicating', async () => {
		await s.database.db
			.update(escoConcept)
			.set({ preferredLabel: 'stale', searchKey: 'stale' })
			.where(eq(escoConcept.uri, NURSE));
		const again = await importEsco(s.database.db, escoSampleDir());
		expect(again).toMatchObject({ ok: true, occupations: 3007, skills: 1000 });
		expect(await rowCount()).toBe(4007);
		const [nurse] = await s.database.db
			.select({ label: escoConcept.preferredLabel })
			.from(escoConcept)
			.where(eq(escoConcept.uri, NURSE));
		expect(nurse.label).toBe('nurse responsible for general care');
	});

	it('completes on prefixes of preferred labels', async () => {
		const hits = await searchEsco(s.database.db, 'nurse');
		expect(hits.map((h) => h.uri)).toContain(NURSE);
		// Labels starting with the whole word come before the rest.
		expect(hits[0].label.startsWith('nurse ')).toBe(true);
		expect(hits.find((h) => h.uri === NURSE)).toEqual({
			uri: NURSE,
			kind: 'occupation',
			label: 'nurse responsible for general care',
			isco: '2221',
			language: 'en'
		});
		// A French reader, on a platform with English labels only, finds it in English (and is told so).
		const french = await searchEsco(s.database.db, 'nurse', { language: 'fr' });
		expect(french.find((h) => h.uri === NURSE)).toMatchObject({ language: 'en' });
		const typing = await searchEsco(s.database.db, 'nurse gen', { limit: 3 });
		expect(typing[0].uri).toBe(NURSE);
	});

	it('finds occupations by alternative labels, preferred matches first', async () => {
		const wire = await searchEsco(s.database.db, 'wire drawer');
		expect(wire[0]).toMatchObject({
			uri: WIRE,
			label: 'metal drawing machine operator',
			matched: 'wire drawer'
		});
		const ward = await searchEsco(s.database.db, 'ward sister');
		expect(ward[0]).toMatchObject({ uri: NURSE, matched: 'ward sister' });

		// "osteopath" is an occupation and also an alternative label of physiotherapist.
		const osteo = await searchEsco(s.database.db, 'osteopath');
		expect(osteo[0]).toMatchObject({ label: 'osteopath' });
		expect(osteo[0].matched).toBeUndefined();
		expect(osteo.slice(1)).toContainEqual(
			expect.objectContaining({ label: 'physiotherapist', matched: 'osteopath' })
		);
	});

	it('ignores case and accents', async () => {
		const plain = await searchEsco(s.database.db, 'nurse');
		expect(await searchEsco(s.database.db, 'Nurse')).toEqual(plain);
		expect(await searchEsco(s.database.db, 'NÚRSE')).toEqual(plain);
		const accented = await searchEsco(s.database.db, 'REPETITEUR');
		expect(accented.map((h) => h.label)).toContain('dance répétiteur');
	});

	it('tolerates a typo and filters by kind', async () => {
		const typo = await searchEsco(s.database.db, 'physiotherapistt');
		expect(typo[0]?.label).toBe('physiotherapist');
		const skills = await searchEsco(s.database.db, 'musical staff', { kind: 'skill' });
		expect(skills[0]).toMatchObject({ kind: 'skill', label: 'manage musical staff', isco: null });
		const occupations = await searchEsco(s.database.db, 'manage musical staff', {
			kind: 'occupation'
		});
		expect(occupations.every((h) => h.kind === 'occupation')).toBe(true);
		expect(await searchEsco(s.database.db, ' -- ')).toEqual([]);
		expect(await searchEsco(s.database.db, 'nurse', { limit: 2 })).toHaveLength(2);
	});

	it('imports nothing from a directory with a broken file', async () => {
		const before = await rowCount();
		const newUri = 'http://data.europa.eu/esco/occupation/test-only';
		const missing = fixtureDir({
			'occupations.csv': `ESCOURI,PREFERREDLABEL,ALTLABELS,ISCOGROUPCODE\n${newUri},test occupation,,1111\n${NURSE},changed,,2221\n`,
			'skills.csv': 'URI,LABEL\nhttp://data.europa.eu/esco/skill/x,x\n'
		});
		expect(await importEsco(s.database.db, missing)).toMatchObject({
			ok: false,
			reason: 'missing-columns',
			message: expect.stringContaining('skills.csv')
		});
		expect(await rowCount()).toBe(before);
		expect(await labelsFor(s.database.db, [newUri, NURSE], 'en')).toEqual(
			new Map([[NURSE, 'nurse responsible for general care']])
		);

		const unterminated = fixtureDir({
			'occupations_en.csv': `conceptUri,preferredLabel,altLabels\n${newUri},test,"never closed\n`
		});
		expect(await importEsco(s.database.db, unterminated)).toMatchObject({
			ok: false,
			reason: 'invalid-csv'
		});
		const notGzip = fixtureDir({ 'skills.csv.gz': 'conceptUri,preferredLabel,altLabels\n' });
		expect(await importEsco(s.database.db, notGzip)).toMatchObject({
			ok: false,
			reason: 'invalid-csv',
			message: 'skills.csv.gz: not valid gzip'
		});
		const noUri = fixtureDir({
			'skills_en.csv': `conceptUri,preferredLabel,altLabels\n${newUri},fine,\n,no uri,\n`
		});
		expect(await importEsco(s.database.db, noUri)).toMatchObject({
			ok: false,
			reason: 'invalid-row',
			message: expect.stringContaining('line 3')
		});
		expect(await importEsco(s.database.db, fixtureDir({ 'readme.txt': 'x' }))).toMatchObject({
			ok: false,
			reason: 'no-files'
		});
		expect(await importEsco(s.database.db, path.join(tmpdir(), 'no-such-esco'))).toMatchObject({
			ok: false,
			reason: 'not-found'
		});
		expect(await importEsco(s.database.db, escoSampleDir(), { language: 'x_y' })).toMatchObject({
			ok: false,
			reason: 'invalid-language'
		});
		expect(await rowCount()).toBe(before);
	});

	it('imports a second language alongside English, with English as the fallback', async () => {
		// Read (and kept) before the import: the import makes the directory forget it.
		expect((await labelsFor(s.database.db, [NURSE], 'fr')).get(NURSE)).toBe(
			'nurse responsible for general care'
		);
		const result = await importEsco(s.database.db, fixtureDir({ 'occupations_fr.csv': FRENCH }));
		expect(result).toEqual({
			ok: true,
			occupations: 2,
			skills: 0,
			languages: ['fr'],
			broader: 0,
			relations: 0
		});
		const rows = await s.database.db
			.select({ language: escoConcept.language })
			.from(escoConcept)
			.where(eq(escoConcept.uri, NURSE));
		expect(rows.map((r) => r.language).sort()).toEqual(['en', 'fr']);

		const fr = await searchEsco(s.database.db, 'infirmiere', { language: 'fr' });
		expect(fr[0]).toMatchObject({ uri: NURSE, isco: '2221', language: 'fr' });
		// Typed in English by a French reader: the same concept, under its French label, once.
		const typedInEnglish = await searchEsco(s.database.db, 'nurse responsible', { language: 'fr' });
		expect(typedInEnglish.filter((h) => h.uri === NURSE)).toEqual([
			expect.objectContaining({ language: 'fr', label: expect.stringContaining('infirmier') })
		]);
		expect((await searchEsco(s.database.db, 'infirmiere')).map((h) => h.uri)).not.toContain(NURSE);

		const labels = await labelsFor(s.database.db, [NURSE, WIRE, `${OCC}unknown`], 'fr');
		expect(labels).toEqual(
			new Map([
				[NURSE, 'infirmier responsable de soins généraux/infirmière responsable de soins généraux'],
				[WIRE, 'metal drawing machine operator']
			])
		);
		expect(await rowCount()).toBe(4007 + 2);
	});

	it('answers GET /api/v1/esco with public JSON and rejects bad queries', async () => {
		setApp(Promise.resolve(s));
		const get = (query: string) =>
			GET({ url: new URL(`http://localhost/api/v1/esco?${query}`) } as Parameters<typeof GET>[0]);

		const ok = await get('q=ward%20sister&kind=occupation&limit=5');
		expect(ok.status).toBe(200);
		expect(ok.headers.get('cache-control')).toBe('public, max-age=3600');
		const body = await ok.json();
		expect(body.items[0]).toMatchObject({ uri: NURSE, kind: 'occupation', matched: 'ward sister' });

		const fr = await (await get('q=infirmier&lang=fr&kind=')).json();
		expect(fr.items[0].uri).toBe(NURSE);

		for (const bad of ['', 'q=', `q=${'x'.repeat(101)}`, 'q=a&kind=job', 'q=a&limit=26']) {
			const res = await get(bad);
			expect(res.status, bad).toBe(400);
			const error = (await res.json()).error;
			expect(error.code).toBe('invalid_query');
			expect(error.issues.length).toBeGreaterThan(0);
		}
	});
});
