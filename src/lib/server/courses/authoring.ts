import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, lt, desc, sql } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { courseForm, lessonContentForm, lessonForm, moduleForm } from '#lib/courses/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisationAccess } from '../organisations/access.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { searchKey } from '../search/normalise.ts';
import { courseAccess } from './access.ts';
import { course, courseLesson, courseModule } from './schema.ts';

export const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

export function courseSlug(title: string) {
	const base = searchKey(title).replace(/ /g, '-').slice(0, 60) || 'course';
	return `${base}-${randomUUID().slice(0, 4)}`;
}

/**
 * Staff of an organisation start a course (a draft until they publish it); administrators start
 * the platform's own (no organisation). A translation joins the group of the course it translates.
 */
export async function createCourse(
	db: Db,
	actor: Actor,
	raw: unknown,
	opts: { organisation?: string; translationOf?: string; slug?: string; demo?: boolean } = {}
): Promise<Result<{ id: string; slug: string }>> {
	if (!actor) return failure('forbidden');
	let organisationId: string | null = null;
	if (opts.organisation) {
		const org = await organisationAccess(db, actor, { slug: opts.organisation });
		if (!org?.may('work')) return failure('not_found');
		organisationId = org.organisation.id;
	} else if (!actor.roles.includes('administrator')) return failure('forbidden');
	const parsed = courseForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	let group: string | null = null;
	if (opts.translationOf) {
		const of = await courseAccess(db, actor, opts.translationOf);
		if (!of?.may('edit')) return failure('not_found');
		group = of.course.translationGroup;
	}
	const id = randomUUID();
	const slug = opts.slug ?? courseSlug(parsed.data.title);
	await db.transaction(async (tx) => {
		await tx.insert(course).values({
			id,
			slug,
			organisationId,
			...parsed.data,
			translationGroup: group ?? id,
			createdBy: actor.id,
			demo: opts.demo ?? false
		});
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'course.create',
			subjectType: 'course',
			subjectId: id,
			detail: { organisation: organisationId }
		});
	});
	return ok({ id, slug });
}

export async function editable(db: Db | Tx, actor: Actor, slug: string) {
	const access = await courseAccess(db, actor, slug);
	return access?.may('edit') ? access : null;
}

export const touch = (tx: Tx, id: string) =>
	tx.update(course).set({ updatedAt: new Date() }).where(eq(course.id, id));

export async function updateCourse(
	db: Db,
	actor: Actor,
	slug: string,
	raw: unknown
): Promise<Result> {
	const access = await editable(db, actor, slug);
	if (!access) return failure('not_found');
	const parsed = courseForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	await db
		.update(course)
		.set({ ...parsed.data, updatedAt: new Date() })
		.where(eq(course.id, access.course.id));
	return ok();
}

/** Publishing needs at least one lesson, and every quiz at least one question. */
export async function setPublished(
	db: Db,
	actor: Actor,
	slug: string,
	published: boolean
): Promise<Result> {
	const access = await editable(db, actor, slug);
	if (!access) return failure('not_found');
	if (published) {
		const lessons = await db
			.select({
				kind: courseLesson.kind,
				questions: sql<number>`(select count(*)::int from quiz_question q where q.lesson_id = course_lesson.id)`
			})
			.from(courseLesson)
			.where(eq(courseLesson.courseId, access.course.id));
		if (!lessons.length) return failure('invalid', { form: 'error_course_no_lessons' });
		if (lessons.some((l) => l.kind === 'quiz' && l.questions === 0))
			return failure('invalid', { form: 'error_course_empty_quiz' });
	}
	await db.transaction(async (tx) => {
		await tx
			.update(course)
			.set({
				publishedAt: published ? (access.course.publishedAt ?? new Date()) : null,
				updatedAt: new Date()
			})
			.where(eq(course.id, access.course.id));
		await writeAudit(tx, {
			actorId: actor!.id,
			action: published ? 'course.publish' : 'course.unpublish',
			subjectType: 'course',
			subjectId: access.course.id
		});
	});
	return ok();
}

/** A new invitation link for a cohort course (the old one stops working): the code, once. */
export async function rotateCohortLink(
	db: Db,
	actor: Actor,
	slug: string
): Promise<Result<{ code: string }>> {
	const access = await editable(db, actor, slug);
	if (!access) return failure('not_found');
	const code = randomBytes(18).toString('base64url');
	await db
		.update(course)
		.set({ cohortCodeHash: hashCode(code) })
		.where(eq(course.id, access.course.id));
	return ok({ code });
}

export async function addModule(
	db: Db,
	actor: Actor,
	slug: string,
	raw: unknown
): Promise<Result<{ id: string }>> {
	const access = await editable(db, actor, slug);
	if (!access) return failure('not_found');
	const parsed = moduleForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const id = randomUUID();
	await db.transaction(async (tx) => {
		const [{ next }] = await tx
			.select({ next: sql<number>`coalesce(max(${courseModule.position}), 0) + 1` })
			.from(courseModule)
			.where(eq(courseModule.courseId, access.course.id));
		await tx
			.insert(courseModule)
			.values({ id, courseId: access.course.id, position: next, title: parsed.data.title });
		await touch(tx, access.course.id);
	});
	return ok({ id });
}

export async function addLesson(
	db: Db,
	actor: Actor,
	slug: string,
	moduleId: string,
	raw: unknown
): Promise<Result<{ id: string }>> {
	const access = await editable(db, actor, slug);
	if (!access) return failure('not_found');
	const [mod] = await db
		.select()
		.from(courseModule)
		.where(and(eq(courseModule.id, moduleId), eq(courseModule.courseId, access.course.id)));
	if (!mod) return failure('not_found');
	const parsed = lessonForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const id = randomUUID();
	await db.transaction(async (tx) => {
		const [{ next }] = await tx
			.select({ next: sql<number>`coalesce(max(${courseLesson.position}), 0) + 1` })
			.from(courseLesson)
			.where(eq(courseLesson.moduleId, moduleId));
		await tx.insert(courseLesson).values({
			id,
			moduleId,
			courseId: access.course.id,
			position: next,
			kind: parsed.data.kind,
			title: parsed.data.title
		});
		await touch(tx, access.course.id);
	});
	return ok({ id });
}

export async function lessonOf(db: Db | Tx, courseId: string, lessonId: string) {
	const [lesson] = await db
		.select()
		.from(courseLesson)
		.where(and(eq(courseLesson.id, lessonId), eq(courseLesson.courseId, courseId)));
	return lesson ?? null;
}

export async function updateLesson(
	db: Db,
	actor: Actor,
	slug: string,
	lessonId: string,
	raw: unknown
): Promise<Result> {
	const access = await editable(db, actor, slug);
	const lesson = access ? await lessonOf(db, access.course.id, lessonId) : null;
	if (!access || !lesson) return failure('not_found');
	const parsed = lessonContentForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const { title, body, minutes, passMark } = parsed.data;
	await db.transaction(async (tx) => {
		await tx
			.update(courseLesson)
			.set(lesson.kind === 'quiz' ? { title, passMark, body } : { title, body, minutes })
			.where(eq(courseLesson.id, lessonId));
		await touch(tx, access.course.id);
	});
	return ok();
}

/** Moves a module or a lesson one place up or down among its siblings. */
export async function move(
	db: Db,
	actor: Actor,
	slug: string,
	what: { module: string } | { lesson: string },
	direction: 'up' | 'down'
): Promise<Result> {
	const access = await editable(db, actor, slug);
	if (!access) return failure('not_found');
	const table = 'module' in what ? courseModule : courseLesson;
	const id = 'module' in what ? what.module : what.lesson;
	await db.transaction(async (tx) => {
		const [row] = await tx
			.select()
			.from(table)
			.where(and(eq(table.id, id), eq(table.courseId, access.course.id)));
		if (!row) return;
		const parent =
			'module' in what
				? eq(courseModule.courseId, access.course.id)
				: eq(courseLesson.moduleId, (row as typeof courseLesson.$inferSelect).moduleId);
		const [other] = await tx
			.select()
			.from(table)
			.where(
				and(
					parent,
					direction === 'up' ? lt(table.position, row.position) : gt(table.position, row.position)
				)
			)
			.orderBy(direction === 'up' ? desc(table.position) : asc(table.position))
			.limit(1);
		if (!other) return;
		await tx.update(table).set({ position: other.position }).where(eq(table.id, row.id));
		await tx.update(table).set({ position: row.position }).where(eq(table.id, other.id));
		await touch(tx, access.course.id);
	});
	return ok();
}

export async function removeLesson(
	db: Db,
	actor: Actor,
	slug: string,
	lessonId: string
): Promise<Result> {
	const access = await editable(db, actor, slug);
	const lesson = access ? await lessonOf(db, access.course.id, lessonId) : null;
	if (!access || !lesson) return failure('not_found');
	await db.delete(courseLesson).where(eq(courseLesson.id, lessonId));
	return ok();
}
