import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { community, communityThread } from '../communities/schema.ts';
import { event } from '../events/schema.ts';
import { communityPage } from '../communities/read.ts';
import { listEvents } from '../events/read.ts';
import { removeDemoContent } from '../admin/demo-content.ts';
import { generatePopulation } from './generate-population.ts';
import { generateConnect } from './generate-connect.ts';

describe('generated communities and events for benchmarks', () => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices({ kind: 'pglite' });
		await generatePopulation(s.database.db, { members: 60, organisations: 0 });
	});
	afterAll(() => s.database.close());

	it('writes communities with threads, and events with registrations, once; the demo removal takes them', async () => {
		const db = s.database.db;
		const made = await generateConnect(db, { communities: 5, events: 40, longThreads: 120 });
		expect(made).toMatchObject({ communities: 5, events: 40 });
		expect(made.threads).toBeGreaterThanOrEqual(120);
		expect((await generateConnect(db, { communities: 5, events: 40 })).communities).toBe(0);
		const [long] = await db.select().from(community).where(eq(community.id, made.long!));
		const [{ n }] = await db
			.select({ n: count() })
			.from(communityThread)
			.where(eq(communityThread.communityId, long.id));
		expect(n).toBe(120);
		const member = { id: long.createdBy!, roles: ['member' as const] };
		const page = await communityPage(db, member, long.slug);
		expect(page!.threads.slice(0, 2).every((t) => t.pinned)).toBe(true);
		expect((await listEvents(db, null, {})).items.length).toBeGreaterThan(0);
		await removeDemoContent(db, 'command-line');
		expect(await db.select().from(community)).toHaveLength(0);
		expect(await db.select().from(event)).toHaveLength(0);
	});
});
