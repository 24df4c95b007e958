import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { setting } from '../platform/schema.ts';
import { DEMO_MEMBERS } from './demo-content.ts';

/** The demo members' accounts, by their place in data/demo-members.json. */
export async function demoMemberIds(db: Db) {
	const emails = DEMO_MEMBERS.map((_, i) => `demo-member-${i + 1}@example.org`);
	const people = await db
		.select({ id: user.id, email: user.email })
		.from(user)
		.where(inArray(user.email, emails));
	return new Map(people.map((p) => [emails.indexOf(p.email), p.id]));
}

/** Marks one part of the demo as seeded; false when it already was (a restart adds nothing). */
export async function firstTime(db: Db, key: string, now: Date) {
	const marked = await db
		.insert(setting)
		.values({ key, value: now.toISOString() })
		.onConflictDoNothing()
		.returning({ key: setting.key });
	return marked.length > 0;
}
