import { inArray } from 'drizzle-orm';
import { utcToZoned } from '#lib/events/time.ts';
import type { Db } from '../db/client.ts';
import { recordsOnly } from '../notifications/notifier.ts';
import { community } from '../communities/schema.ts';
import { createEvent } from '../events/save.ts';
import { demoMemberIds, firstTime } from './demo-people.ts';
import communities from './data/demo-communities.json' with { type: 'json' };
import data from './data/demo-events.json' with { type: 'json' };

const DAY = 86_400_000;

/**
 * Example events, one of each kind, in the four languages, a few days to a few weeks after the
 * demo is seeded, organised by demo members (one for a demo community). Their own marker.
 */
export async function seedDemoEvents(db: Db, now = new Date()) {
	if (!(await firstTime(db, 'demo_events_seeded', now))) return 0;
	const idOf = await demoMemberIds(db);
	const slugs = await db
		.select({ slug: community.slug, name: community.name })
		.from(community)
		.where(
			inArray(
				community.name,
				communities.map((c) => c.name)
			)
		);
	let made = 0;
	for (const e of data) {
		const id = idOf.get(e.author);
		if (!id) continue;
		const day = utcToZoned(new Date(now.getTime() + e.days * DAY), e.timeZone).date;
		const communityName = 'community' in e ? communities[e.community as number]?.name : undefined;
		const result = await createEvent(
			{ db, notifier: recordsOnly },
			{ id, roles: ['member'] },
			{
				title: e.title,
				description: e.description,
				kind: e.kind,
				format: e.format,
				date: day,
				start: e.start,
				end: e.end,
				timeZone: e.timeZone,
				place: 'place' in e ? e.place : '',
				city: 'city' in e ? e.city : '',
				country: 'country' in e ? e.country : '',
				onlineUrl: 'onlineUrl' in e ? e.onlineUrl : '',
				capacity: e.capacity,
				language: e.language
			},
			{
				demo: true,
				skipLimit: true,
				now,
				community: slugs.find((s) => s.name === communityName)?.slug
			}
		);
		if (result.ok) made++;
	}
	return made;
}
