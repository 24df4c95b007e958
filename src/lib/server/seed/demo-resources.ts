import type { Db } from '../db/client.ts';
import type { Storage } from '../platform/storage.ts';
import { contributeResource } from '../library/contribute.ts';
import { demoMemberIds, firstTime } from './demo-people.ts';
import data from './data/demo-resources.json' with { type: 'json' };

/**
 * Example library resources in the four languages, shared by demo members and already reviewed
 * (links to public services' own sites, described for this project); their own marker.
 */
export async function seedDemoResources(db: Db, storage: Storage | null, now = new Date()) {
	if (!(await firstTime(db, 'demo_resources_seeded', now))) return 0;
	const idOf = await demoMemberIds(db);
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
