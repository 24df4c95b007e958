import type { Db } from '../db/client.ts';
import { setting } from '../platform/schema.ts';
import { courseDocument, writeCourse } from '../courses/import.ts';
import firstWeeks from './data/courses/first-weeks.json' with { type: 'json' };
import livingTogether from './data/courses/living-together.json' with { type: 'json' };
import safeOnline from './data/courses/safe-online.json' with { type: 'json' };

type SeedFile = { key: string; versions: Record<string, unknown> };
export const SEED_COURSES = [firstWeeks, livingTogether, safeOnline] as SeedFile[];

/**
 * The platform's own courses, written for this project, in the four languages (one translation
 * group per course), published; loaded once per database (in production too: they are part of
 * the platform, not examples).
 */
export async function seedCourses(db: Db, now = new Date()) {
	const marked = await db
		.insert(setting)
		.values({ key: 'courses_seeded', value: now.toISOString() })
		.onConflictDoNothing()
		.returning({ key: setting.key });
	if (!marked.length) return 0;
	let made = 0;
	await db.transaction(async (tx) => {
		for (const file of SEED_COURSES) {
			let group: string | undefined;
			for (const language of ['en', 'fr', 'es', 'ar'] as const) {
				const doc = courseDocument.parse({ language, ...(file.versions[language] as object) });
				const id = await writeCourse(tx, doc, {
					organisationId: null,
					translationGroup: group,
					published: now
				});
				group ??= id;
				made++;
			}
		}
	});
	return made;
}
