import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, ne } from 'drizzle-orm';
import { memberProfile } from '../members/schema.ts';
import { testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { seedEsco, seedEscoRelations } from '../esco/seed-esco.ts';
import { opportunity } from '../opportunities/schema.ts';
import { searchOpportunities } from '../opportunities/read.ts';
import { rankOpportunitiesFor, rankPeopleFor } from '../opportunities/suggest.ts';
import { skillEntry } from '../skills/schema.ts';
import { mentoringApplication, mentoringProgramme } from '../mentoring/schema.ts';
import { cohortOf } from '../mentoring/cohort.ts';
import { removeDemoContent } from '../admin/demo-content.ts';
import { generatePopulation } from './generate-population.ts';
import { generateContribute } from './generate-contribute.ts';

describe('generated opportunities, skills profiles and mentoring programmes', () => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices({ kind: 'pglite' });
		await seedEsco(s.database.db);
		await seedEscoRelations(s.database.db);
		await generatePopulation(s.database.db, { members: 60, organisations: 3 });
	});
	afterAll(() => s.database.close());

	it('writes them once, rankable both ways; the demo removal takes them', async () => {
		const db = s.database.db;
		const made = await generateContribute(db, { opportunities: 1500, mentoringProgrammes: 2 });
		expect(made).toEqual({ profiles: 60, opportunities: 1500, programmes: 2 });
		expect(await generateContribute(db, { opportunities: 1500, mentoringProgrammes: 2 })).toEqual({
			profiles: 0,
			opportunities: 0,
			programmes: 0
		});
		const [{ n }] = await db.select({ n: count() }).from(skillEntry);
		expect(n).toBeGreaterThan(150);
		const list = await searchOpportunities(db, { page: 1 });
		expect(list.hasNext).toBe(true);
		// A listed member, the opportunity that suits them best, and the people it would suggest.
		const [listed] = await db
			.select({ id: memberProfile.userId })
			.from(memberProfile)
			.where(ne(memberProfile.listed, 'nobody'))
			.limit(1);
		const ranked = await rankOpportunitiesFor(db, listed.id);
		expect(ranked).toHaveLength(1500);
		expect(ranked[0].score).toBeGreaterThan(0.3);
		expect((await rankPeopleFor(db, ranked[0].id))?.map((p) => p.id)).toContain(listed.id);
		const [programme] = await db.select().from(mentoringProgramme).limit(1);
		expect(
			await db
				.select({ n: count() })
				.from(mentoringApplication)
				.where(eq(mentoringApplication.programmeId, programme.id))
		).toEqual([{ n: 30 }]);
		expect((await cohortOf(db, programme.id, 'en')).pairs.length).toBeGreaterThan(0);
		await removeDemoContent(db, 'command-line');
		expect(await db.select().from(opportunity)).toHaveLength(0);
		expect(await db.select().from(mentoringProgramme)).toHaveLength(0);
		expect(await db.select().from(skillEntry)).toHaveLength(0);
	});
});
