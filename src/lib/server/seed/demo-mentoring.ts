import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { recordsOnly } from '../notifications/notifier.ts';
import { organisation } from '../organisations/schema.ts';
import { mentoringProgramme } from '../mentoring/schema.ts';
import { applyToProgramme } from '../mentoring/programmes.ts';
import { cohortOf, storePairs } from '../mentoring/cohort.ts';
import { resolveSkills } from '../opportunities/post.ts';
import { splitSkillLines } from '#lib/opportunities/forms.ts';
import { logger } from '../platform/logger.ts';
import { randomUUID } from 'node:crypto';
import { demoMemberIds, firstTime } from './demo-people.ts';
import data from './data/demo-mentoring.json' with { type: 'json' };

/**
 * Example mentoring programmes, one in each language, run by the demo organisations, with demo
 * members' applications; the French one has a confirmed pair. Their own marker.
 */
export async function seedDemoMentoring(db: Db, now = new Date()) {
	if (!(await firstTime(db, 'demo_mentoring_seeded', now))) return 0;
	const idOf = await demoMemberIds(db);
	let made = 0;
	for (const p of data) {
		const [org] = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(eq(organisation.slug, p.organisation));
		if (!org) continue;
		// Demo organisations have no staff: the programme is written directly, not through the form.
		const id = randomUUID();
		await db.insert(mentoringProgramme).values({
			id,
			organisationId: org.id,
			title: p.title,
			description: p.description,
			kind: p.kind as 'peer',
			language: p.language,
			createdBy: idOf.get(p.author) ?? null,
			createdAt: now,
			demo: true
		});
		made++;
		for (const a of p.applications) {
			const member = idOf.get(a.member);
			if (!member) continue;
			// Only the skills the loaded ESCO names (a database without reference data has none).
			const skills = (await resolveSkills(db, splitSkillLines(a.skills), 'en')).uris.join('\n');
			const result = await applyToProgramme(
				db,
				{ id: member, roles: ['member'] },
				id,
				{ ...a, skills },
				now
			);
			if (!result.ok) logger.warn({ result }, 'demo mentoring application not seeded');
		}
		if (p.pair) {
			const cohort = await cohortOf(db, id, 'en');
			await storePairs({ db, notifier: recordsOnly }, id, cohort.pairs, null, now);
		}
	}
	return made;
}
