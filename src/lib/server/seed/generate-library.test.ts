import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryFilters } from '#lib/library/forms.ts';
import { testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { resource } from '../library/schema.ts';
import { searchResources } from '../library/read.ts';
import { moderationHold } from '../moderation/schema.ts';
import { removeDemoContent } from '../admin/demo-content.ts';
import { generatePopulation } from './generate-population.ts';
import { generateLibrary } from './generate-library.ts';

describe('generated library resources for benchmarks', () => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices({ kind: 'pglite' });
		await generatePopulation(s.database.db, { members: 20, organisations: 0 });
	});
	afterAll(() => s.database.close());

	it('writes searchable resources once, some waiting; the demo removal takes them and their holds', async () => {
		const db = s.database.db;
		const made = await generateLibrary(db, { resources: 1200 });
		expect(made.resources).toBe(1200);
		expect(made.waiting).toBeGreaterThan(60);
		expect((await generateLibrary(db, { resources: 1200 })).resources).toBe(0);
		const all = await searchResources(db, libraryFilters(new URLSearchParams()));
		expect(all.hasNext).toBe(true);
		const words = await searchResources(db, libraryFilters(new URLSearchParams('q=logement')));
		expect(words.items.length).toBeGreaterThan(0);
		expect(words.items.every((r) => r.language === 'fr')).toBe(true);
		await removeDemoContent(db, 'command-line');
		expect(await db.select().from(resource)).toHaveLength(0);
		expect(await db.select().from(moderationHold)).toHaveLength(0);
	});
});
