import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { MAX_QUESTIONS, questionForm, splitLines } from '#lib/courses/forms.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { Storage } from '../platform/storage.ts';
import { searchKey } from '../search/normalise.ts';
import { checkResourceFile } from '../library/files.ts';
import { editable, lessonOf, touch } from './authoring.ts';
import { courseMedia, quizQuestion } from './schema.ts';

/** A quiz's questions, a course's files, and a lesson as its authors edit it (authoring.ts: the rest). */

/** Adds a question to a quiz, or replaces one (`questionId`), from the authors' form. */
export async function saveQuestion(
	db: Db,
	actor: Actor,
	slug: string,
	lessonId: string,
	raw: unknown,
	questionId?: string
): Promise<Result<{ id: string }>> {
	const access = await editable(db, actor, slug);
	const lesson = access ? await lessonOf(db, access.course.id, lessonId) : null;
	if (!access || !lesson || lesson.kind !== 'quiz') return failure('not_found');
	const parsed = questionForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const q = parsed.data;
	const lines = splitLines(q.lines);
	const values = {
		kind: q.kind,
		prompt: q.prompt,
		feedback: q.feedback,
		choices:
			q.kind === 'single' || q.kind === 'multiple'
				? lines.map((l, i) => ({
						id: String(i + 1),
						text: l.replace(/^\*\s*/, ''),
						correct: l.startsWith('*')
					}))
				: [],
		answers: q.kind === 'short' ? lines.map((l) => searchKey(l)).filter(Boolean) : [],
		answerTrue: q.kind === 'true_false' ? q.answer === 'true' : null
	};
	const id = questionId ?? randomUUID();
	const saved = await db.transaction(async (tx) => {
		if (questionId) {
			const rows = await tx
				.update(quizQuestion)
				.set(values)
				.where(and(eq(quizQuestion.id, questionId), eq(quizQuestion.lessonId, lessonId)))
				.returning({ id: quizQuestion.id });
			return rows.length > 0;
		}
		const [{ n, next }] = await tx
			.select({
				n: sql<number>`count(*)::int`,
				next: sql<number>`coalesce(max(${quizQuestion.position}), 0) + 1`
			})
			.from(quizQuestion)
			.where(eq(quizQuestion.lessonId, lessonId));
		if (n >= MAX_QUESTIONS) return false;
		await tx.insert(quizQuestion).values({ id, lessonId, position: next, ...values });
		await touch(tx, access.course.id);
		return true;
	});
	if (!saved)
		return questionId ? failure('not_found') : failure('invalid', { form: 'error_quiz_full' });
	return ok({ id });
}

export async function removeQuestion(
	db: Db,
	actor: Actor,
	slug: string,
	lessonId: string,
	questionId: string
): Promise<Result> {
	const access = await editable(db, actor, slug);
	const lesson = access ? await lessonOf(db, access.course.id, lessonId) : null;
	if (!access || !lesson) return failure('not_found');
	await db
		.delete(quizQuestion)
		.where(and(eq(quizQuestion.id, questionId), eq(quizQuestion.lessonId, lessonId)));
	return ok();
}

/**
 * A file for a course's lessons (an image, a sound, a document), checked by its content as the
 * library's are; the lesson's Markdown points at it as `media:ID`.
 */
export async function addMedia(
	deps: { db: Db; storage: Storage },
	actor: Actor,
	slug: string,
	upload: { data: Buffer; name: string }
): Promise<Result<{ id: string; kind: string; name: string }>> {
	const access = await editable(deps.db, actor, slug);
	if (!access) return failure('not_found');
	const checked = await checkResourceFile(upload.data, upload.name);
	if (!checked.ok) return failure('invalid', { file: checked.error });
	const f = checked.file;
	const id = randomUUID();
	const key = `courses/${access.course.id}/${id}.${f.extension}`;
	await deps.storage.put(key, f.data);
	try {
		await deps.db.insert(courseMedia).values({
			id,
			courseId: access.course.id,
			kind: f.kind,
			name: f.name,
			type: f.type,
			bytes: f.data.byteLength,
			storageKey: key
		});
	} catch (error) {
		await deps.storage.remove(key).catch(() => {});
		throw error;
	}
	return ok({ id, kind: f.kind, name: f.name });
}

/** A lesson as its authors edit it: everything, the right answers too, and the course's files. */
export async function lessonForAuthor(db: Db, actor: Actor, slug: string, lessonId: string) {
	const access = await editable(db, actor, slug);
	const lesson =
		access && /^[0-9a-f-]{36}$/.test(lessonId)
			? await lessonOf(db, access.course.id, lessonId)
			: null;
	if (!access || !lesson) return null;
	const [questions, media] = await Promise.all([
		db
			.select()
			.from(quizQuestion)
			.where(eq(quizQuestion.lessonId, lessonId))
			.orderBy(asc(quizQuestion.position)),
		db
			.select()
			.from(courseMedia)
			.where(eq(courseMedia.courseId, access.course.id))
			.orderBy(asc(courseMedia.createdAt))
	]);
	return {
		course: {
			slug: access.course.slug,
			title: access.course.title,
			language: access.course.language
		},
		lesson,
		questions: questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			prompt: q.prompt,
			feedback: q.feedback,
			answer: q.answerTrue === null ? '' : String(q.answerTrue),
			lines:
				q.kind === 'short'
					? q.answers.join('\n')
					: q.choices.map((c) => `${c.correct ? '* ' : ''}${c.text}`).join('\n')
		})),
		media: media.map((m) => ({ id: m.id, kind: m.kind, name: m.name }))
	};
}
