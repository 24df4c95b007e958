import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { setting } from '../platform/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { DEMO_MEMBERS, DEMO_ORGANISATIONS } from './demo-content.ts';
import { emptyProfile, writeProfile } from '../members/save-profile.ts';
import { organisationSearch } from '../organisations/create-organisation.ts';
import { seedDemoServices } from './demo-services.ts';
import { seedDemoCommunities } from './demo-communities.ts';
import { seedDemoEvents } from './demo-events.ts';
import { seedDemoStories } from './demo-stories.ts';
import { seedDemoResources } from './demo-resources.ts';
import { seedDemoOpportunities } from './demo-opportunities.ts';
import { seedDemoMentoring } from './demo-mentoring.ts';

/** Seeds the demo content once per database; a marker row makes later starts skip it. */
export async function seedDemo(db: Db): Promise<boolean> {
	const seeded = await db.transaction(async (tx) => {
		const inserted = await tx
			.insert(setting)
			.values({ key: 'demo_seeded', value: new Date().toISOString() })
			.onConflictDoNothing()
			.returning({ key: setting.key });
		if (!inserted.length) return false;
		// Rows with createOrganisation's derived search columns: createOrganisation needs an actor
		// (who becomes the organisation's admin) and approves only an administrator's.
		for (const o of DEMO_ORGANISATIONS) {
			await tx
				.insert(organisation)
				.values({
					id: randomUUID(),
					...o,
					countries: [o.countryCode],
					demo: true,
					...organisationSearch(o.name, o.description)
				})
				.onConflictDoNothing();
		}
		for (const [i, m] of DEMO_MEMBERS.entries()) {
			const email = `demo-member-${i + 1}@example.org`;
			const existing = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
			if (existing.length) continue;
			const id = randomUUID();
			// Demo members have no password or phone: they can be read, not signed in as.
			await tx.insert(user).values({
				id,
				name: m.name,
				email,
				emailVerified: true,
				locale: m.contentLocale,
				demo: true
			});
			const base = emptyProfile(m.name, m.contentLocale);
			await writeProfile(tx as unknown as Db, id, {
				...base,
				headline: m.headline,
				bio: m.bio,
				city: m.city,
				residence: m.residence,
				origin: [...m.origin],
				languages: m.languages.map((code) => ({ code, level: 'fluent' as const })),
				interests: [...m.interests],
				expertise: [...m.expertise],
				listed: 'public',
				visibility: {
					...base.visibility,
					headline: 'public',
					bio: 'public',
					residence: 'public',
					origin: 'public',
					languages: 'public',
					interests: 'public',
					expertise: 'public',
					city: 'members'
				}
			});
		}
		return true;
	});
	// Demo services have their own marker, so databases seeded before they existed get them too.
	await seedDemoServices(db);
	await seedDemoCommunities(db);
	await seedDemoEvents(db);
	await seedDemoStories(db);
	await seedDemoResources(db, null);
	await seedDemoOpportunities(db);
	await seedDemoMentoring(db);
	return seeded;
}
