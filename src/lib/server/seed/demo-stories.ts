import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { setting } from '../platform/schema.ts';
import { publishStory } from '../stories/stories.ts';
import { DEMO_MEMBERS } from './demo-content.ts';
import data from './data/demo-stories.json' with { type: 'json' };

/** Example stories, one in each language, by demo members; their own marker. */
export async function seedDemoStories(db: Db, now = new Date()) {
	const marked = await db
		.insert(setting)
		.values({ key: 'demo_stories_seeded', value: now.toISOString() })
		.onConflictDoNothing()
		.returning({ key: setting.key });
	if (!marked.length) return 0;
	const emails = DEMO_MEMBERS.map((_, i) => `demo-member-${i + 1}@example.org`);
	const people = await db
		.select({ id: user.id, email: user.email })
		.from(user)
		.where(inArray(user.email, emails));
	const idOf = new Map(people.map((p) => [emails.indexOf(p.email), p.id]));
	let made = 0;
	for (const [i, st] of data.entries()) {
		const id = idOf.get(st.author);
		if (!id) continue;
		const result = await publishStory(
			{ db, reviewDays: 0 },
			{ id, roles: ['member'] },
			{ title: st.title, body: st.body, language: st.language },
			null,
			{ demo: true, skipLimit: true, now: new Date(now.getTime() - (i + 1) * 86_400_000) }
		);
		if (result.ok) made++;
	}
	return made;
}
