import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { searchKey } from '../search/normalise.ts';
import { courseAccess } from './access.ts';
import { hashCode } from './authoring.ts';
import {
	course,
	courseCohort,
	courseLesson,
	enrolment,
	lessonProgress,
	quizAttempt,
	quizQuestion
} from './schema.ts';

/** A member enrols in a course they may read; enrolling twice changes nothing. */
export async function enrol(db: Db, actor: Actor, slug: string): Promise<Result> {
	const access = await courseAccess(db, actor, slug);
	if (!access || !actor) return failure('not_found');
	if (access.tie.enrolled) return ok();
	if (!access.may('enrol')) return failure(access.may('see') ? 'forbidden' : 'not_found');
	await db
		.insert(enrolment)
		.values({ courseId: access.course.id, userId: actor.id })
		.onConflictDoNothing();
	return ok();
}

/** The cohort's invitation link admits the signed-in member who opens it. */
export async function joinCohort(
	db: Db,
	actor: Actor,
	slug: string,
	code: string
): Promise<Result> {
	if (!actor || !code || code.length > 64) return failure('not_found');
	const [c] = await db.select().from(course).where(eq(course.slug, slug));
	if (!c?.cohortCodeHash || c.cohortCodeHash !== hashCode(code)) return failure('not_found');
	await db.insert(courseCohort).values({ courseId: c.id, userId: actor.id }).onConflictDoNothing();
	return ok();
}

/**
 * Marks the course complete once every lesson is done (inside the transaction that did the last
 * one); true when this call completed it.
 */
async function completeIfDone(tx: Tx, courseId: string, userId: string) {
	const [row] = await tx
		.select({
			left: sql<number>`(select count(*)::int from course_lesson l where l.course_id = ${courseId}
				and not exists (select 1 from lesson_progress p where p.lesson_id = l.id and p.user_id = ${userId}))`
		})
		.from(enrolment)
		.where(and(eq(enrolment.courseId, courseId), eq(enrolment.userId, userId)));
	if (!row || row.left > 0) return false;
	const done = await tx
		.update(enrolment)
		.set({ completedAt: new Date() })
		.where(
			and(
				eq(enrolment.courseId, courseId),
				eq(enrolment.userId, userId),
				sql`${enrolment.completedAt} is null`
			)
		)
		.returning({ at: enrolment.completedAt });
	return done.length > 0;
}

async function progressOf(db: Db, actor: Actor, slug: string, lessonId: string) {
	const access = await courseAccess(db, actor, slug);
	if (!access?.may('progress') || !actor || !/^[0-9a-f-]{36}$/.test(lessonId)) return null;
	const [lesson] = await db
		.select()
		.from(courseLesson)
		.where(and(eq(courseLesson.id, lessonId), eq(courseLesson.courseId, access.course.id)));
	return lesson ? { access, lesson, userId: actor.id } : null;
}

/** The enrolled reader is done with a text lesson (a quiz is done when it is passed). */
export async function completeLesson(
	db: Db,
	actor: Actor,
	slug: string,
	lessonId: string
): Promise<Result<{ courseCompleted: boolean; courseId: string }>> {
	const found = await progressOf(db, actor, slug, lessonId);
	if (!found || found.lesson.kind !== 'text') return failure('not_found');
	const courseCompleted = await db.transaction(async (tx) => {
		await tx
			.insert(lessonProgress)
			.values({ lessonId, userId: found.userId, courseId: found.access.course.id })
			.onConflictDoNothing();
		return completeIfDone(tx, found.access.course.id, found.userId);
	});
	return ok({ courseCompleted, courseId: found.access.course.id });
}

export type QuestionResult = {
	id: string;
	right: boolean;
	feedback: string;
	rightChoices: string[];
};

/** Whether the answer given (choice ids, "true"/"false", or the words typed) is right. */
function isRight(q: typeof quizQuestion.$inferSelect, given: string[]) {
	switch (q.kind) {
		case 'single':
		case 'multiple': {
			const right = q.choices
				.filter((c) => c.correct)
				.map((c) => c.id)
				.sort();
			const chosen = [...new Set(given)].filter((g) => q.choices.some((c) => c.id === g)).sort();
			return q.kind === 'single'
				? chosen.length === 1 && chosen[0] === right[0]
				: chosen.join() === right.join();
		}
		case 'true_false':
			return given.length === 1 && given[0] === String(q.answerTrue);
		case 'short':
			return given.length > 0 && q.answers.includes(searchKey(given[0] ?? '').slice(0, 200));
	}
}

/**
 * A quiz answered, scored here (nothing the page sends says what is right or whether it passed):
 * answers count only for this quiz's own questions; each attempt is kept, the best one counts,
 * and the same `clientKey` (an answer queued offline, sent twice) is the same attempt.
 */
export async function submitQuiz(
	db: Db,
	actor: Actor,
	slug: string,
	lessonId: string,
	answers: Record<string, string[]>,
	clientKey: string
): Promise<
	Result<{
		score: number;
		passed: boolean;
		correct: number;
		total: number;
		passMark: number;
		results: QuestionResult[];
		courseCompleted: boolean;
		courseId: string;
	}>
> {
	const found = await progressOf(db, actor, slug, lessonId);
	if (!found || found.lesson.kind !== 'quiz') return failure('not_found');
	const key = /^[A-Za-z0-9-]{8,64}$/.test(clientKey) ? clientKey : randomUUID();
	const questions = await db.select().from(quizQuestion).where(eq(quizQuestion.lessonId, lessonId));
	if (!questions.length) return failure('not_found');
	const [again] = await db
		.select()
		.from(quizAttempt)
		.where(and(eq(quizAttempt.userId, found.userId), eq(quizAttempt.clientKey, key)));
	const kept = again
		? again.answers
		: Object.fromEntries(
				questions.map((q) => [
					q.id,
					(answers[q.id] ?? []).slice(0, 10).map((a) => String(a).slice(0, 200))
				])
			);
	if (!again && !(await hitRateLimit(db, RULES.quizAttemptsByAccount, found.userId)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const results = questions
		.sort((a, b) => a.position - b.position)
		.map((q) => ({
			id: q.id,
			right: isRight(q, kept[q.id] ?? []),
			feedback: q.feedback,
			rightChoices: q.choices.filter((c) => c.correct).map((c) => c.id)
		}));
	const correct = results.filter((r) => r.right).length;
	const total = results.length;
	const score = Math.round((correct / total) * 100);
	const passed = score >= found.lesson.passMark;
	const courseCompleted = await db.transaction(async (tx) => {
		if (!again)
			await tx
				.insert(quizAttempt)
				.values({
					id: randomUUID(),
					lessonId,
					userId: found.userId,
					clientKey: key,
					answers: kept,
					correct,
					total,
					score,
					passed
				})
				.onConflictDoNothing();
		if (!passed) return false;
		await tx
			.insert(lessonProgress)
			.values({ lessonId, userId: found.userId, courseId: found.access.course.id })
			.onConflictDoNothing();
		return completeIfDone(tx, found.access.course.id, found.userId);
	});
	return ok({
		courseId: found.access.course.id,
		score,
		passed,
		correct,
		total,
		passMark: found.lesson.passMark,
		results,
		courseCompleted
	});
}

/** What the account page lists: the courses a member follows, with their progress. */
export async function myCourses(db: Db, userId: string) {
	return db
		.select({
			slug: course.slug,
			title: course.title,
			language: course.language,
			completedAt: enrolment.completedAt,
			lessons: sql<number>`(select count(*)::int from course_lesson l where l.course_id = course.id)`,
			done: sql<number>`(select count(*)::int from lesson_progress p where p.course_id = course.id and p.user_id = ${userId})`
		})
		.from(enrolment)
		.innerJoin(course, eq(course.id, enrolment.courseId))
		.where(eq(enrolment.userId, userId))
		.orderBy(sql`${enrolment.enrolledAt} desc`);
}
