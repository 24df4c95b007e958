import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { setting } from '../platform/schema.ts';
import type { Storage } from '../platform/storage.ts';
import { contributeResource } from '../library/contribute.ts';
import { DEMO_MEMBERS } from './demo-content.ts';
import data from './data/demo-resources.json' with { type: 'json' };

/**
 * Example library resources in the four languages, shared by demo members and already reviewed
 * (links to public services' own sites, described for this project); their own marker.
 */
export async function seedDemoResources(db: Db, storage: Storage | null, now = new Date()) {
	const marked = await db
		.insert(setting)
		.values({ key: 'demo_resources_seeded', value: now.toISOString() })
		.onConflictDoNothing()
		.returning({ key: setting.key });
	if (!marked.length) return 0;
	const emails = DEMO_MEMBERS.map((_, i) => `demo-member-${i + 1}@example.org`);
	const people = await db
		.select({ id: user.id, email: user.email })
		.from(user)
		.where(inArray(user.email, emails));
	const idOf = new Map(people.map((p) => [emails.indexOf(p.email), p.id]));
	const made = new Map<string, string>();
	for (const [i, r] of data.entries()) {
		const id = idOf.get(r.author);
		if (!id) continue;
		const result = await contributeResource(
			{ db, storage: storage ?? NO_FILES },
			{ id, roles: ['member'] },
			{ ...r, country: r.country ?? '' },
			null,
			{
				demo: true,
				reviewed: true,
				skipLimit: true,
				translationOf: r.translationOf ? made.get(r.translationOf) : undefined,
				now: new Date(now.getTime() - (i + 1) * 3_600_000)
			}
		);
		if (result.ok) made.set(r.key, result.value.id);
	}
	return made.size;
}

/** The demo's resources are links: no file is stored. */
const NO_FILES: Storage = {
	put: async () => {
		throw new Error('demo resources store no file');
	},
	get: async () => null,
	remove: async () => {},
	list: async function* () {}
};
