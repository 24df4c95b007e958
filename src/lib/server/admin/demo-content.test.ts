import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor, buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { savedService, service } from '../services/schema.ts';
import { saveForLater } from '../services/saved-services.ts';
import { searchServices } from '../services/search-services.ts';
import { searchOrganisations } from '../organisations/search-organisations.ts';
import { searchMembers } from '../members/search-members.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { serviceQuery } from '#lib/services/search-query.ts';
import { directoryQuery } from '#lib/members/directory.ts';
import { auditLog } from '../platform/schema.ts';
import { community, communityThread } from '../communities/schema.ts';
import { event } from '../events/schema.ts';
import { story } from '../stories/schema.ts';
import { storyFeed } from '../stories/stories.ts';
import { createCommunity, joinCommunity } from '../communities/manage.ts';
import { opportunity } from '../opportunities/schema.ts';
import { mentoringPair, mentoringProgramme } from '../mentoring/schema.ts';
import { OPPORTUNITY_TYPES } from '#lib/opportunities/forms.ts';
import { demoContentCounts, demoContentRemains, removeDemoContent } from './demo-content.ts';

describe.each(DATABASES)('example content on $kind', (target) => {
	let s: AppContext;
	let admin: Actor;
	let person: Actor;
	const realOrg = randomUUID();
	let realCommunity = '';

	beforeAll(async () => {
		s = await testServices(target, { SEED_DEMO: 'true' });
		const made = await buildMember(s, { roles: ['administrator'] });
		admin = { id: made.id, roles: ['member', 'administrator'] };
		person = await buildActor(s);
		const db = s.database.db;
		await db
			.insert(organisation)
			.values({ id: realOrg, slug: 'real-aid', name: 'Real aid', kind: 'ngo' });
		// A real person ties themselves to the examples: joins one, saves one of its services.
		const [demoOrg] = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(eq(organisation.slug, 'maison-des-diasporas'));
		await db
			.insert(organisationMember)
			.values({ organisationId: demoOrg.id, userId: person!.id, role: 'member', status: 'active' });
		const [demoService] = await db
			.select({ id: service.id })
			.from(service)
			.where(eq(service.organisationId, demoOrg.id))
			.limit(1);
		expect((await saveForLater(db, person, demoService.id)).ok).toBe(true);
		// … joins an example community, and starts a real one.
		const demoCommunities = await db.select().from(community).where(eq(community.demo, true));
		expect(demoCommunities.map((c) => c.language).sort()).toEqual(['ar', 'en', 'es', 'fr']);
		const demoEvents = await db.select().from(event).where(eq(event.demo, true));
		expect(new Set(demoEvents.map((e) => e.kind)).size).toBe(7);
		// Opportunities of every type, in the four languages, their skills found in ESCO.
		const demoOpportunities = await db.select().from(opportunity).where(eq(opportunity.demo, true));
		expect(new Set(demoOpportunities.map((o) => o.type))).toEqual(new Set(OPPORTUNITY_TYPES));
		expect([...new Set(demoOpportunities.map((o) => o.language))].sort()).toEqual([
			'ar',
			'en',
			'es',
			'fr'
		]);
		expect(demoOpportunities.filter((o) => o.organisationId)).toHaveLength(4);
		// A mentoring programme in each language, one with a confirmed pair.
		const programmes = await db
			.select()
			.from(mentoringProgramme)
			.where(eq(mentoringProgramme.demo, true));
		expect(programmes.map((p) => p.language).sort()).toEqual(['ar', 'en', 'es', 'fr']);
		expect(await db.select().from(mentoringPair)).toHaveLength(1);
		expect(new Set(demoEvents.map((e) => e.language))).toEqual(new Set(['en', 'fr', 'es', 'ar']));
		expect(demoEvents.filter((e) => e.communityId)).toHaveLength(1);
		const demoStories = await db.select().from(story).where(eq(story.demo, true));
		expect(demoStories.map((x) => x.language).sort()).toEqual(['ar', 'en', 'es', 'fr']);
		// Published, not waiting for review: the feed shows them.
		expect((await storyFeed(db, ['en'])).items).toHaveLength(4);
		expect((await joinCommunity(db, person, demoCommunities[0].slug)).ok).toBe(true);
		const real = await createCommunity(db, person, {
			name: 'Real neighbours',
			description: '',
			theme: 'newcomers',
			language: 'en',
			visibility: 'public'
		});
		if (!real.ok) throw new Error('no community');
		realCommunity = real.value.slug;
	});
	afterAll(() => s.database.close());

	it('is marked in searches and the APIs they feed', async () => {
		const db = s.database.db;
		const services = await searchServices(db, serviceQuery.parse({}), { locale: 'en' });
		expect(services.items.length).toBeGreaterThan(0);
		expect(services.items.every((i) => i.demo)).toBe(true);
		const orgs = await searchOrganisations(db, directoryQuery.parse({ type: 'organisations' }));
		expect(orgs.items.find((o) => o.slug === 'real-aid')?.demo).toBe(false);
		expect(orgs.items.find((o) => o.slug === 'jusoor-amman')?.demo).toBe(true);
		const members = await searchMembers(db, null, directoryQuery.parse({}), 'en');
		expect(members.items.length).toBeGreaterThan(0);
		expect(members.items.every((m) => m.demo)).toBe(true);
		expect(await demoContentRemains(db)).toBe(true);
	});

	it('is removed by an administrator, all of it and nothing else, and does not come back', async () => {
		const db = s.database.db;
		expect(await removeDemoContent(db, person)).toMatchObject({ ok: false, kind: 'forbidden' });
		const before = await demoContentCounts(db);
		expect(before).toMatchObject({ members: 8, organisations: 4 });
		expect(before.services).toBeGreaterThan(10);
		const [{ n: usersBefore }] = await db.select({ n: count() }).from(user);

		const removed = await removeDemoContent(db, admin);
		expect(removed).toEqual({ ok: true, value: before });
		expect(await demoContentCounts(db)).toEqual({
			members: 0,
			organisations: 0,
			services: 0,
			referrals: 0
		});
		expect(await demoContentRemains(db)).toBe(false);
		// Real accounts and the real organisation stay; the person loses only the ties.
		const [{ n: usersAfter }] = await db.select({ n: count() }).from(user);
		expect(usersAfter).toBe(usersBefore - 8);
		for (const id of [admin!.id, person!.id])
			expect(await db.select().from(user).where(eq(user.id, id))).toHaveLength(1);
		expect(await db.select().from(organisation).where(eq(organisation.id, realOrg))).toHaveLength(
			1
		);
		expect(
			await db.select().from(organisationMember).where(eq(organisationMember.userId, person!.id))
		).toHaveLength(0);
		expect(
			await db.select().from(savedService).where(eq(savedService.userId, person!.id))
		).toHaveLength(0);
		// Example communities go with their threads; the real one stays.
		expect(await db.select().from(community).where(eq(community.demo, true))).toHaveLength(0);
		expect(await db.select().from(communityThread)).toHaveLength(0);
		expect(await db.select().from(event)).toHaveLength(0);
		expect(await db.select().from(story)).toHaveLength(0);
		expect(await db.select().from(opportunity)).toHaveLength(0);
		expect(await db.select().from(mentoringProgramme)).toHaveLength(0);
		expect(
			(await db.select().from(community).where(eq(community.slug, realCommunity)))[0]
		).toMatchObject({ memberCount: 1 });
		const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'demo.remove'));
		expect(audit[0]).toMatchObject({ actorId: admin!.id, detail: before });
		// The next start does not seed the examples again.
		expect(await seedDemo(db)).toBe(false);
		expect((await demoContentCounts(db)).organisations).toBe(0);
	});
});
