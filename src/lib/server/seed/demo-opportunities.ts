import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { opportunity } from '../opportunities/schema.ts';
import { recordsOnly } from '../notifications/notifier.ts';
import { logger } from '../platform/logger.ts';
import { postOpportunity, resolveSkills } from '../opportunities/post.ts';
import { splitSkillLines } from '#lib/opportunities/forms.ts';
import { demoMemberIds, firstTime } from './demo-people.ts';
import data from './data/demo-opportunities.json' with { type: 'json' };

const DAY = 86_400_000;

/**
 * Example opportunities, one of every type, in the four languages, posted by demo members
 * (some for a demo organisation) and already reviewed; deadlines weeks after the demo is
 * seeded. Their skills are ESCO labels of the loaded sample. Their own marker.
 */
export async function seedDemoOpportunities(db: Db, now = new Date()) {
	if (!(await firstTime(db, 'demo_opportunities_seeded', now))) return 0;
	const idOf = await demoMemberIds(db);
	let made = 0;
	for (const [i, o] of data.entries()) {
		const id = idOf.get(o.author);
		if (!id) continue;
		const deadline = new Date(now.getTime() + o.days * DAY).toISOString().slice(0, 10);
		// Only the skills the loaded ESCO names (a database without reference data has none).
		const known = async (lines: string) =>
			(await resolveSkills(db, splitSkillLines(lines), 'en')).uris.join('\n');
		const result = await postOpportunity(
			{ db, notifier: recordsOnly },
			{ id, roles: ['member'] },
			{ ...o, deadline, required: await known(o.required), optional: await known(o.optional) },
			{
				reviewed: true,
				demo: true,
				skipLimit: true,
				now: new Date(now.getTime() - (i + 1) * 3_600_000)
			}
		);
		if (!result.ok) {
			logger.warn({ i, result }, 'demo opportunity not seeded');
			continue;
		}
		made++;
		// Demo organisations have no staff: the post is tied to one directly.
		if ('organisation' in o)
			await db
				.update(opportunity)
				.set({
					organisationId: sql`(select id from ${organisation} where slug = ${o.organisation})`
				})
				.where(eq(opportunity.id, result.value.id));
	}
	return made;
}
