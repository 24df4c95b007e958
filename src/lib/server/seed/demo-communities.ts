import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { setting } from '../platform/schema.ts';
import { recordsOnly } from '../notifications/notifier.ts';
import { createCommunity, joinCommunity } from '../communities/manage.ts';
import { replyToThread, setPinned, startThread } from '../communities/posts.ts';
import { DEMO_MEMBERS } from './demo-content.ts';
import data from './data/demo-communities.json' with { type: 'json' };

const DAY = 86_400_000;
const DEMO_MEMBER_COUNT = DEMO_MEMBERS.length;

/**
 * Example communities with threads in the four languages, written by the demo members through the
 * communities module's own operations (nobody is told: these are records, not news). Their own
 * marker, so databases seeded before communities existed get them once.
 */
export async function seedDemoCommunities(db: Db, now = new Date()) {
	const marked = await db
		.insert(setting)
		.values({ key: 'demo_communities_seeded', value: now.toISOString() })
		.onConflictDoNothing()
		.returning({ key: setting.key });
	if (!marked.length) return 0;
	const people = await db
		.select({ id: user.id, email: user.email })
		.from(user)
		.where(
			inArray(
				user.email,
				Array.from({ length: DEMO_MEMBER_COUNT }, (_, i) => `demo-member-${i + 1}@example.org`)
			)
		);
	const byIndex = new Map(people.map((p) => [Number(p.email.match(/(\d+)@/)![1]) - 1, p.id]));
	const actor = (i: number) => {
		const id = byIndex.get(i);
		return id ? { id, roles: ['member' as const] } : null;
	};
	const deps = { db, notifier: recordsOnly };
	let made = 0;
	for (const [ci, c] of data.entries()) {
		const mod = actor(c.moderator);
		if (!mod) continue;
		const created = await createCommunity(
			db,
			mod,
			{
				name: c.name,
				description: c.description,
				theme: c.theme,
				country: c.country,
				language: c.language,
				visibility: c.visibility
			},
			{ demo: true, skipLimit: true }
		);
		if (!created.ok) continue;
		const slug = created.value.slug;
		for (const m of c.members) {
			const who = actor(m);
			if (who) await joinCommunity(db, who, slug);
		}
		let at = now.getTime() - (10 + ci) * DAY;
		for (const t of c.threads) {
			const author = actor(t.author);
			if (!author) continue;
			const thread = await startThread(
				deps,
				author,
				slug,
				{ title: t.title, body: t.body },
				{ at: new Date((at += DAY / 3)), skipLimit: true }
			);
			if (!thread.ok) continue;
			for (const r of t.replies) {
				const who = actor(r.author);
				if (who)
					await replyToThread(
						deps,
						who,
						slug,
						thread.value.id,
						{ body: r.body },
						{
							at: new Date((at += DAY / 5)),
							skipLimit: true
						}
					);
			}
			if (t.pinned) await setPinned(db, mod, slug, thread.value.id, true);
		}
		made++;
	}
	return made;
}
