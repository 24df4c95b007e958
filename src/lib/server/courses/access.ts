import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { worksIn } from '../organisations/access.ts';
import { organisation } from '../organisations/schema.ts';
import { canCourse, type CourseAction, type CourseTie } from './policy.ts';
import { course, courseCohort, enrolment } from './schema.ts';

export type CourseRow = typeof course.$inferSelect;
export type CourseAccess = {
	course: CourseRow;
	organisation: { name: string; slug: string } | null;
	tie: CourseTie;
	may: (action: CourseAction) => boolean;
};

/** A course by its slug, and what the actor is to it; null when there is none. */
export async function courseAccess(
	db: Db | Tx,
	actor: Actor,
	slug: string
): Promise<CourseAccess | null> {
	if (!slug || slug.length > 120) return null;
	const [row] = await db
		.select({ c: course, orgName: organisation.name, orgSlug: organisation.slug })
		.from(course)
		.leftJoin(organisation, eq(organisation.id, course.organisationId))
		.where(eq(course.slug, slug));
	if (!row) return null;
	const c = row.c;
	const [author, cohort, enrolled] = actor
		? await Promise.all([
				c.organisationId
					? worksIn(db, actor, c.organisationId)
					: actor.roles.includes('administrator'),
				db
					.select({ u: courseCohort.userId })
					.from(courseCohort)
					.where(and(eq(courseCohort.courseId, c.id), eq(courseCohort.userId, actor.id))),
				db
					.select({ u: enrolment.userId })
					.from(enrolment)
					.where(and(eq(enrolment.courseId, c.id), eq(enrolment.userId, actor.id)))
			])
		: [false, [], []];
	const tie: CourseTie = {
		author: !!author,
		published: !!c.publishedAt,
		audience: c.audience,
		inCohort: cohort.length > 0,
		enrolled: enrolled.length > 0
	};
	return {
		course: c,
		organisation: row.orgName ? { name: row.orgName, slug: row.orgSlug! } : null,
		tie,
		may: (action) => canCourse(actor, action, tie)
	};
}
