import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { directoryQuery } from '#lib/members/directory.ts';
import { searchMembers } from '../members/search-members.ts';
import { setting } from '../platform/schema.ts';
import { escoBroader, escoConcept } from './schema.ts';
import { seedEsco, seedEscoBroader } from './seed-esco.ts';
import { skillConcepts, withNarrower } from './skill-concepts.ts';

describe.each(DATABASES)('the directory skill filter on $kind', (target) => {
	let s: AppContext;
	const uri = async (label: string) => {
		const [row] = await s.database.db
			.select({ uri: escoConcept.uri })
			.from(escoConcept)
			.where(eq(escoConcept.preferredLabel, label));
		return row.uri;
	};
	const ids: Record<string, string> = {};
	beforeAll(async () => {
		s = await testServices(target);
		expect(await seedEsco(s.database.db)).toMatchObject({ ok: true, seeded: true, broader: 1290 });
		const people: [string, string][] = [
			['biomedical', 'biomedical engineer'],
			['cloud', 'cloud engineer'],
			['forecaster', 'weather forecaster'],
			['nanny', 'nanny']
		];
		for (const [key, label] of people)
			ids[key] = (
				await buildProfile(s, { name: `Member ${key}`, expertise: [await uri(label)] })
			).id;
	});
	afterAll(() => s.database.close());

	const found = async (q: Record<string, string>, skills?: string[]) =>
		(await searchMembers(s.database.db, null, directoryQuery.parse(q), 'en', { skills })).items.map(
			(i) => i.id
		);

	it('matches every concept whose labels hold the words, not one closest concept', async () => {
		const engineer = await skillConcepts(s.database.db, 'engineer', 'en');
		expect(engineer.matched.length).toBeGreaterThan(50);
		expect(engineer.matched).toContain(await uri('biomedical engineer'));
		expect(engineer.matched).toContain(await uri('cloud engineer'));
		const members = await found({}, engineer.uris);
		expect(members).toEqual(expect.arrayContaining([ids.biomedical, ids.cloud]));
		expect(members).not.toContain(ids.forecaster);
		// with words too, and beside another filter
		expect(await found({ q: 'member' }, engineer.uris)).toEqual(
			expect.arrayContaining([ids.biomedical, ids.cloud])
		);
		expect(await found({ q: 'member', origin: 'SY' }, engineer.uris)).toEqual([]);
	});

	it('follows the hierarchy down: a meteorologist filter finds the weather forecaster', async () => {
		const meteorologist = await skillConcepts(s.database.db, 'meteorologist', 'en');
		expect(meteorologist.matched).not.toContain(await uri('weather forecaster'));
		expect(meteorologist.uris).toContain(await uri('weather forecaster'));
		expect(await found({}, meteorologist.uris)).toEqual([ids.forecaster]);
		// a concept chosen by its URI (a link, the API) takes its narrower ones along
		expect(await found({ expertise: await uri('child care worker') })).toEqual([ids.nanny]);
		expect(await withNarrower(s.database.db, [await uri('child care worker')])).toContain(
			await uri('nanny')
		);
	});

	it('finds nobody for words no concept holds, and guesses no typo', async () => {
		const none = await skillConcepts(s.database.db, 'engneer', 'en');
		expect(none.uris).toEqual([]);
		expect(await found({}, none.uris)).toEqual([]);
	});

	it('gives a database seeded before the hierarchy shipped its links once', async () => {
		const db = s.database.db;
		await db.delete(escoBroader);
		await db.delete(setting).where(eq(setting.key, 'esco_broader_seeded'));
		expect(await seedEscoBroader(db)).toBe(1290);
		expect(await seedEscoBroader(db)).toBe(0);
	});
});
