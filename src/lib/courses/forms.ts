import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';

/** Question kinds of a quiz (docs/decisions/0030). */
export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'short'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const LESSON_KINDS = ['text', 'quiz'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];
export const COURSE_AUDIENCES = ['open', 'cohort'] as const;
export type CourseAudience = (typeof COURSE_AUDIENCES)[number];
export const MAX_LESSON = 30_000;
export const MAX_QUESTIONS = 40;

const language = z.enum(['en', 'fr', 'es', 'ar'], { error: 'referral_error_language_invalid' });

/** A course as its authors describe it: open to all, or to the cohort its link admits. */
export const courseForm = z.object({
	title: userText(3, 150, 'error_course_title'),
	summary: userText(10, 600, 'error_course_summary'),
	language,
	audience: z.enum(COURSE_AUDIENCES, { error: 'error_course_audience' }).default('open')
});

export const moduleForm = z.object({ title: userText(2, 150, 'error_module_title') });

export const lessonForm = z.object({
	title: userText(2, 150, 'error_lesson_title'),
	kind: z.enum(LESSON_KINDS, { error: 'error_lesson_kind' }).default('text')
});

/** A lesson's content: text (Markdown) or, for a quiz, its pass mark in percent. */
export const lessonContentForm = z.object({
	title: userText(2, 150, 'error_lesson_title'),
	body: userText(0, MAX_LESSON, 'error_lesson_body').default(''),
	minutes: z.coerce.number({ error: 'error_lesson_minutes' }).int().min(1).max(240).default(5),
	passMark: z.coerce
		.number({ error: 'error_pass_mark' })
		.int()
		.min(1, 'error_pass_mark')
		.max(100, 'error_pass_mark')
		.default(70)
});

export type Choice = { id: string; text: string; correct: boolean };

/**
 * A question as authors write it without JavaScript: one choice per line, the right ones marked
 * with a leading `*`; for a short answer, one accepted answer per line; for true or false, which.
 */
export const questionForm = z
	.object({
		kind: z.enum(QUESTION_KINDS, { error: 'error_question_kind' }),
		prompt: userText(3, 1000, 'error_question_prompt'),
		feedback: userText(0, 1000, 'error_question_feedback').default(''),
		lines: z.string().max(5000, 'error_question_choices').default(''),
		answer: z.enum(['true', 'false', '']).default('')
	})
	.superRefine((q, ctx) => {
		const lines = splitLines(q.lines);
		if (q.kind === 'single' || q.kind === 'multiple') {
			const right = lines.filter((l) => l.startsWith('*')).length;
			if (lines.length < 2 || lines.length > 8)
				ctx.addIssue({ code: 'custom', path: ['lines'], message: 'error_question_choices' });
			else if (q.kind === 'single' ? right !== 1 : right < 1)
				ctx.addIssue({
					code: 'custom',
					path: ['lines'],
					message: `error_question_right_${q.kind}`
				});
		}
		if (q.kind === 'short' && (lines.length < 1 || lines.length > 10))
			ctx.addIssue({ code: 'custom', path: ['lines'], message: 'error_question_answers' });
		if (q.kind === 'true_false' && !q.answer)
			ctx.addIssue({ code: 'custom', path: ['answer'], message: 'error_question_true_false' });
	});

export function splitLines(text: string) {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.slice(0, 20);
}

/** The API's course list query (/api/v1/courses). */
export const courseQuery = z.object({
	language: z.enum(['en', 'fr', 'es', 'ar']).optional(),
	page: z.coerce.number().int().min(1).max(999).default(1)
});
