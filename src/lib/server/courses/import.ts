import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LESSON_KINDS } from '#lib/courses/forms.ts';
import type { Tx } from '../db/types.ts';
import { searchKey } from '../search/normalise.ts';
import { course, courseLesson, courseModule, quizQuestion } from './schema.ts';

const question = z.discriminatedUnion('kind', [
	z.object({
		kind: z.enum(['single', 'multiple']),
		prompt: z.string().min(3).max(1000),
		feedback: z.string().max(1000).default(''),
		choices: z
			.array(z.object({ text: z.string().min(1).max(500), correct: z.boolean() }))
			.min(2)
			.max(8)
	}),
	z.object({
		kind: z.literal('true_false'),
		prompt: z.string().min(3).max(1000),
		feedback: z.string().max(1000).default(''),
		answer: z.boolean()
	}),
	z.object({
		kind: z.literal('short'),
		prompt: z.string().min(3).max(1000),
		feedback: z.string().max(1000).default(''),
		answers: z.array(z.string().min(1).max(200)).min(1).max(10)
	})
]);

/**
 * A course as a document (the seed courses, an exported archive's manifest): its text and its
 * structure, in one language. `media` in lessons point at `media:ID` as in the app.
 */
export const courseDocument = z.object({
	slug: z
		.string()
		.regex(/^[\p{L}\p{N}][\p{L}\p{N}-]*$/u)
		.max(120),
	title: z.string().min(3).max(150),
	summary: z.string().min(10).max(600),
	language: z.enum(['en', 'fr', 'es', 'ar']),
	audience: z.enum(['open', 'cohort']).default('open'),
	modules: z
		.array(
			z.object({
				title: z.string().min(2).max(150),
				lessons: z
					.array(
						z.object({
							kind: z.enum(LESSON_KINDS),
							title: z.string().min(2).max(150),
							body: z.string().max(30_000).default(''),
							minutes: z.number().int().min(1).max(240).default(5),
							passMark: z.number().int().min(1).max(100).default(70),
							questions: z.array(question).max(40).default([])
						})
					)
					.min(1)
			})
		)
		.min(1)
});
export type CourseDocument = z.infer<typeof courseDocument>;

/**
 * Writes a course from its document inside the caller's transaction: the seed, and the import of
 * an archive. Single-choice questions must have exactly one right choice, multiple at least one.
 */
export async function writeCourse(
	tx: Tx,
	doc: CourseDocument,
	opts: {
		organisationId: string | null;
		translationGroup?: string;
		createdBy?: string | null;
		published?: Date | null;
		demo?: boolean;
	}
) {
	for (const m of doc.modules)
		for (const l of m.lessons)
			for (const q of l.questions)
				if (q.kind === 'single' || q.kind === 'multiple') {
					const right = q.choices.filter((c) => c.correct).length;
					if (q.kind === 'single' ? right !== 1 : right < 1)
						throw new Error(`${doc.slug}: "${q.prompt}" has ${right} right choices`);
				}
	const id = randomUUID();
	await tx.insert(course).values({
		id,
		slug: doc.slug,
		organisationId: opts.organisationId,
		title: doc.title,
		summary: doc.summary,
		language: doc.language,
		audience: doc.audience,
		translationGroup: opts.translationGroup ?? id,
		publishedAt: opts.published ?? null,
		createdBy: opts.createdBy ?? null,
		demo: opts.demo ?? false
	});
	for (const [mi, m] of doc.modules.entries()) {
		const moduleId = randomUUID();
		await tx
			.insert(courseModule)
			.values({ id: moduleId, courseId: id, position: mi + 1, title: m.title });
		for (const [li, l] of m.lessons.entries()) {
			const lessonId = randomUUID();
			await tx.insert(courseLesson).values({
				id: lessonId,
				moduleId,
				courseId: id,
				position: li + 1,
				kind: l.kind,
				title: l.title,
				body: l.body,
				minutes: l.minutes,
				passMark: l.passMark
			});
			if (l.kind === 'quiz' && l.questions.length)
				await tx.insert(quizQuestion).values(
					l.questions.map((q, qi) => ({
						id: randomUUID(),
						lessonId,
						position: qi + 1,
						kind: q.kind,
						prompt: q.prompt,
						feedback: q.feedback,
						choices:
							q.kind === 'single' || q.kind === 'multiple'
								? q.choices.map((c, ci) => ({
										id: String(ci + 1),
										text: c.text,
										correct: c.correct
									}))
								: [],
						answers: q.kind === 'short' ? q.answers.map((a) => searchKey(a)).filter(Boolean) : [],
						answerTrue: q.kind === 'true_false' ? q.answer : null
					}))
				);
		}
	}
	return id;
}
