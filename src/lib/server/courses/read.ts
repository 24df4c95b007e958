import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation } from '../organisations/schema.ts';
import type { Storage } from '../platform/storage.ts';
import { courseAccess } from './access.ts';
import { renderLesson } from './lesson-markdown.ts';
import {
	course,
	courseLesson,
	courseMedia,
	courseModule,
	enrolment,
	lessonProgress,
	quizAttempt,
	quizQuestion
} from './schema.ts';

export const COURSES_PAGE = 20;

/** Published courses open to all, those in the reader's languages first, newest first. */
export async function listCourses(
	db: Db,
	opts: { languages: string[]; language?: string; page?: number }
) {
	const page = Math.max(1, opts.page ?? 1);
	const langs = [...new Set(opts.languages)].filter((l) => /^[a-z]{2,3}$/.test(l)).slice(0, 10);
	// The reader's languages first; with none, nothing to put first ("order by 0" names a column).
	const mine = langs.length
		? [sql`case when ${inArray(course.language, langs)} then 0 else 1 end`]
		: [];
	const rows = await db
		.select({
			id: course.id,
			slug: course.slug,
			title: course.title,
			summary: course.summary,
			language: course.language,
			organisation: organisation.name,
			lessons: sql<number>`(select count(*)::int from course_lesson l where l.course_id = course.id)`,
			minutes: sql<number>`(select coalesce(sum(l.minutes), 0)::int from course_lesson l where l.course_id = course.id)`,
			publishedAt: course.publishedAt,
			demo: course.demo
		})
		.from(course)
		.leftJoin(organisation, eq(organisation.id, course.organisationId))
		.where(
			and(
				isNotNull(course.publishedAt),
				eq(course.audience, 'open'),
				opts.language ? eq(course.language, opts.language) : undefined
			)
		)
		.orderBy(...mine, desc(course.publishedAt), asc(course.id))
		.limit(COURSES_PAGE + 1)
		.offset((page - 1) * COURSES_PAGE);
	return { items: rows.slice(0, COURSES_PAGE), hasNext: rows.length > COURSES_PAGE, page };
}

/** The modules and lessons of a course, in order. */
export async function outline(db: Db, courseId: string) {
	const [modules, lessons] = await Promise.all([
		db
			.select()
			.from(courseModule)
			.where(eq(courseModule.courseId, courseId))
			.orderBy(asc(courseModule.position)),
		db
			.select({
				id: courseLesson.id,
				moduleId: courseLesson.moduleId,
				kind: courseLesson.kind,
				title: courseLesson.title,
				minutes: courseLesson.minutes,
				position: courseLesson.position
			})
			.from(courseLesson)
			.where(eq(courseLesson.courseId, courseId))
			.orderBy(asc(courseLesson.position))
	]);
	return modules.map((m) => ({ ...m, lessons: lessons.filter((l) => l.moduleId === m.id) }));
}

/**
 * A course's page: what it holds, the reader's progress and where to resume (the first lesson not
 * done), its translations, and what the reader may do.
 */
export async function courseOverview(db: Db, actor: Actor, slug: string) {
	const access = await courseAccess(db, actor, slug);
	if (!access?.may('see')) return null;
	const c = access.course;
	const modules = await outline(db, c.id);
	const lessons = modules.flatMap((m) => m.lessons);
	const done = new Set(
		actor && access.tie.enrolled
			? (
					await db
						.select({ id: lessonProgress.lessonId })
						.from(lessonProgress)
						.where(and(eq(lessonProgress.courseId, c.id), eq(lessonProgress.userId, actor.id)))
				).map((r) => r.id)
			: []
	);
	const [enrolled] =
		actor && access.tie.enrolled
			? await db
					.select({ completedAt: enrolment.completedAt })
					.from(enrolment)
					.where(and(eq(enrolment.courseId, c.id), eq(enrolment.userId, actor.id)))
			: [];
	const translations = await db
		.select({ slug: course.slug, language: course.language, title: course.title })
		.from(course)
		.where(
			and(
				eq(course.translationGroup, c.translationGroup),
				ne(course.id, c.id),
				isNotNull(course.publishedAt)
			)
		)
		.orderBy(course.language);
	return {
		id: c.id,
		slug: c.slug,
		title: c.title,
		summary: c.summary,
		language: c.language,
		audience: c.audience,
		published: !!c.publishedAt,
		organisation: access.organisation,
		modules: modules.map((m) => ({
			id: m.id,
			title: m.title,
			lessons: m.lessons.map((l) => ({
				id: l.id,
				kind: l.kind,
				title: l.title,
				minutes: l.minutes,
				done: done.has(l.id)
			}))
		})),
		lessonCount: lessons.length,
		doneCount: lessons.filter((l) => done.has(l.id)).length,
		resume: lessons.find((l) => !done.has(l.id))?.id ?? null,
		completedAt: enrolled?.completedAt ?? null,
		enrolled: access.tie.enrolled,
		mayEnrol: access.may('enrol'),
		mayEdit: access.may('edit'),
		needsCohort:
			!!actor &&
			access.tie.published &&
			access.tie.audience === 'cohort' &&
			!access.tie.inCohort &&
			!access.tie.enrolled &&
			!access.tie.author,
		translations,
		demo: c.demo
	};
}

const mediaPath = (slug: string) => (id: string) => `/courses/${slug}/media/${id}`;

/**
 * One lesson as its reader sees it: the text rendered, or the quiz's questions without which
 * answers are right; where it sits (previous, next); the reader's last attempt at a quiz.
 */
export async function readLesson(db: Db, actor: Actor, slug: string, lessonId: string) {
	const access = await courseAccess(db, actor, slug);
	if (!access?.may('see') || !/^[0-9a-f-]{36}$/.test(lessonId)) return null;
	const c = access.course;
	const modules = await outline(db, c.id);
	const order = modules.flatMap((m) => m.lessons.map((l) => ({ ...l, module: m.title })));
	const at = order.findIndex((l) => l.id === lessonId);
	if (at < 0) return null;
	const [lesson] = await db.select().from(courseLesson).where(eq(courseLesson.id, lessonId));
	const media = new Map(
		(await db.select().from(courseMedia).where(eq(courseMedia.courseId, c.id))).map((m) => [
			m.id,
			m
		])
	);
	const questions =
		lesson.kind === 'quiz'
			? (
					await db
						.select()
						.from(quizQuestion)
						.where(eq(quizQuestion.lessonId, lessonId))
						.orderBy(asc(quizQuestion.position))
				).map((q) => ({
					id: q.id,
					kind: q.kind,
					prompt: q.prompt,
					choices: q.choices.map((ch) => ({ id: ch.id, text: ch.text }))
				}))
			: [];
	const progress = access.may('progress') && actor;
	const [done] = progress
		? await db
				.select({ at: lessonProgress.completedAt })
				.from(lessonProgress)
				.where(and(eq(lessonProgress.lessonId, lessonId), eq(lessonProgress.userId, actor.id)))
		: [];
	const [best] =
		progress && lesson.kind === 'quiz'
			? await db
					.select({ score: quizAttempt.score, passed: quizAttempt.passed })
					.from(quizAttempt)
					.where(and(eq(quizAttempt.lessonId, lessonId), eq(quizAttempt.userId, actor.id)))
					.orderBy(desc(quizAttempt.score))
					.limit(1)
			: [];
	return {
		course: { slug: c.slug, title: c.title, language: c.language },
		lesson: {
			id: lesson.id,
			kind: lesson.kind,
			title: lesson.title,
			minutes: lesson.minutes,
			passMark: lesson.passMark,
			html: renderLesson(lesson.body, media, mediaPath(c.slug))
		},
		module: order[at].module,
		position: { index: at + 1, of: order.length },
		previous: order[at - 1]?.id ?? null,
		next: order[at + 1]?.id ?? null,
		questions,
		done: !!done,
		best: best ?? null,
		mayProgress: !!progress,
		mayEnrol: access.may('enrol'),
		mayEdit: access.may('edit')
	};
}

/** A course file, for those who may read the course. */
export async function courseMediaFile(
	deps: { db: Db; storage: Storage },
	actor: Actor,
	slug: string,
	id: string
) {
	const access = await courseAccess(deps.db, actor, slug);
	if (!access?.may('see') || !/^[0-9a-f-]{36}$/.test(id)) return null;
	const [m] = await deps.db
		.select()
		.from(courseMedia)
		.where(and(eq(courseMedia.id, id), eq(courseMedia.courseId, access.course.id)));
	const data = m ? await deps.storage.get(m.storageKey) : null;
	return data && m ? { data, name: m.name, type: m.type, kind: m.kind } : null;
}
