import type { Db } from '../db/client.ts';
import { publishStory } from '../stories/stories.ts';
import { demoMemberIds, firstTime } from './demo-people.ts';
import data from './data/demo-stories.json' with { type: 'json' };

/** Example stories, one in each language, by demo members; their own marker. */
export async function seedDemoStories(db: Db, now = new Date()) {
	if (!(await firstTime(db, 'demo_stories_seeded', now))) return 0;
	const idOf = await demoMemberIds(db);
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
