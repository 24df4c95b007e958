import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, like } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { generatePopulation } from './generate-population.ts';

describe.each(DATABASES)('population generator on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());

	it('builds the same people every time and can be run twice', async () => {
		await generatePopulation(s.database.db, { members: 250, organisations: 20, batch: 100 });
		const first = await s.database.db
			.select({ id: user.id, name: user.name })
			.from(user)
			.where(like(user.id, 'gen-%'))
			.orderBy(user.id);
		await generatePopulation(s.database.db, { members: 250, organisations: 20, batch: 100 });
		const again = await s.database.db
			.select({ id: user.id, name: user.name })
			.from(user)
			.where(like(user.id, 'gen-%'))
			.orderBy(user.id);
		expect(first).toHaveLength(250);
		expect(again).toEqual(first);
		const [orgs] = await s.database.db.select({ n: count() }).from(organisation);
		expect(orgs.n).toBe(20);
		expect(new Set(first.map((u) => u.name)).size).toBeGreaterThan(100);
	});
});
