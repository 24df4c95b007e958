import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor, buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import {
	addLesson,
	addModule,
	createCourse,
	move,
	rotateCohortLink,
	setPublished,
	updateLesson
} from './authoring.ts';
import { saveQuestion } from './quiz-authoring.ts';
import { completeLesson, enrol, joinCohort, submitQuiz } from './learning.ts';
import { courseOverview, listCourses, readLesson } from './read.ts';
import { quizAttempt } from './schema.ts';

describe.each(DATABASES)('courses on $kind', (target) => {
	let s: AppContext;
	let admin: Actor;
	type A = Awaited<ReturnType<typeof buildActor>>;
	let learner: A, other: A;
	let slug: string;
	const lessons: string[] = [];
	let quiz: string;
	const q: Record<string, string> = {};

	beforeAll(async () => {
		s = await testServices(target);
		const a = await buildMember(s, { roles: ['administrator'] });
		admin = { id: a.id, roles: ['member', 'administrator'] };
		[learner, other] = await Promise.all(
			['Learner', 'Other'].map((name) => buildActor(s, { name }))
		);
		const db = s.database.db;
		const made = await createCourse(db, admin, {
			title: 'Banking basics',
			summary: 'Open an account and read a statement.',
			language: 'en'
		});
		if (!made.ok) throw new Error(JSON.stringify(made));
		slug = made.value.slug;
		const m1 = await addModule(db, admin, slug, { title: 'Accounts' });
		if (!m1.ok) throw new Error(JSON.stringify(m1));
		for (const title of ['Opening an account', 'Reading a statement']) {
			const l = await addLesson(db, admin, slug, m1.value.id, { title, kind: 'text' });
			if (!l.ok) throw new Error(JSON.stringify(l));
			lessons.push(l.value.id);
			await updateLesson(db, admin, slug, l.value.id, {
				title,
				body: `## ${title}\n\nSome **words**.`,
				minutes: '4'
			});
		}
		const qz = await addLesson(db, admin, slug, m1.value.id, {
			title: 'Check yourself',
			kind: 'quiz'
		});
		if (!qz.ok) throw new Error(JSON.stringify(qz));
		quiz = qz.value.id;
		await updateLesson(db, admin, slug, quiz, { title: 'Check yourself', passMark: '75' });
		const questions = {
			single: {
				kind: 'single',
				prompt: 'What do you need to open an account?',
				lines: 'A car\n* An identity document\nA diploma',
				feedback: 'An identity document.'
			},
			multiple: {
				kind: 'multiple',
				prompt: 'What does a statement show?',
				lines: '* Money in\n* Money out\nYour password'
			},
			tf: { kind: 'true_false', prompt: 'A bank may ask for your PIN by phone.', answer: 'false' },
			short: { kind: 'short', prompt: 'The four digits you never share?', lines: 'PIN\nCode PIN' }
		};
		for (const [k, v] of Object.entries(questions)) {
			const r = await saveQuestion(db, admin, slug, quiz, v);
			if (!r.ok) throw new Error(JSON.stringify(r));
			q[k] = r.value.id;
		}
	});
	afterAll(() => s.database.close());

	it('a draft is for its authors; published, everyone reads it and members enrol', async () => {
		const db = s.database.db;
		expect(await courseOverview(db, learner, slug)).toBeNull();
		expect((await listCourses(db, { languages: ['en'] })).items).toEqual([]);
		expect(await setPublished(db, learner, slug, true)).toMatchObject({ ok: false });
		expect(await setPublished(db, admin, slug, true)).toEqual({ ok: true, value: undefined });
		expect((await listCourses(db, { languages: ['en'] })).items.map((c) => c.slug)).toEqual([slug]);
		// The API lists without a reader's language.
		expect((await listCourses(db, { languages: [], language: 'en' })).items).toHaveLength(1);
		const visitor = await readLesson(db, null, slug, lessons[0]);
		expect(visitor?.lesson.html).toContain('<h2>Opening an account</h2>');
		expect(visitor?.mayProgress).toBe(false);
		// Learners never receive which answers are right.
		const page = await readLesson(db, learner, slug, quiz);
		expect(JSON.stringify(page?.questions)).not.toMatch(/correct|answerTrue|answers/);
		expect(await enrol(db, learner, slug)).toMatchObject({ ok: true });
		expect(await enrol(db, learner, slug)).toMatchObject({ ok: true });
		const o = await courseOverview(db, learner, slug);
		expect(o).toMatchObject({ enrolled: true, lessonCount: 3, doneCount: 0, resume: lessons[0] });
	});

	it('progress resumes where the learner stopped; the quiz is scored here and the best attempt counts', async () => {
		const db = s.database.db;
		expect(await completeLesson(db, learner, slug, lessons[0])).toMatchObject({
			ok: true,
			value: { courseCompleted: false }
		});
		expect((await courseOverview(db, learner, slug))?.resume).toBe(lessons[1]);
		// Not enrolled: nothing is recorded.
		expect(await completeLesson(db, other, slug, lessons[0])).toMatchObject({ ok: false });
		const wrong = await submitQuiz(
			db,
			learner,
			slug,
			quiz,
			{ [q.single]: ['1'], [q.multiple]: ['1'], [q.tf]: ['true'], [q.short]: ['password'] },
			'attempt-0001'
		);
		expect(wrong).toMatchObject({
			ok: true,
			value: { correct: 0, total: 4, score: 0, passed: false }
		});
		const three = await submitQuiz(
			db,
			learner,
			slug,
			quiz,
			// A "passed" flag and answers to another quiz's questions are ignored.
			{
				[q.single]: ['2'],
				[q.multiple]: ['1', '2'],
				[q.tf]: ['false'],
				[q.short]: ['  Code  PÍN '],
				passed: ['true'],
				'no-such-question': ['1']
			},
			'attempt-0002'
		);
		expect(three).toMatchObject({
			ok: true,
			value: { correct: 4, score: 100, passed: true, courseCompleted: false }
		});
		// The same attempt sent again (a queued offline answer) is the same attempt.
		const again = await submitQuiz(db, learner, slug, quiz, {}, 'attempt-0002');
		expect(again).toMatchObject({ ok: true, value: { score: 100, passed: true } });
		expect(
			await db.select().from(quizAttempt).where(eq(quizAttempt.userId, learner.id))
		).toHaveLength(2);
		// Choosing every box is not "multiple choice" right.
		const all = await submitQuiz(
			db,
			learner,
			slug,
			quiz,
			{ [q.multiple]: ['1', '2', '3'], [q.single]: ['1', '2'] },
			'attempt-0003'
		);
		expect(all.ok && all.value.results.find((r) => r.id === q.multiple)?.right).toBe(false);
		expect(all.ok && all.value.results.find((r) => r.id === q.single)?.right).toBe(false);
		expect((await readLesson(db, learner, slug, quiz))?.best).toEqual({ score: 100, passed: true });
		const last = await completeLesson(db, learner, slug, lessons[1]);
		expect(last).toMatchObject({ ok: true, value: { courseCompleted: true } });
		const o = await courseOverview(db, learner, slug);
		expect(o?.completedAt).toBeInstanceOf(Date);
		expect(o).toMatchObject({ doneCount: 3, resume: null });
	});

	it('authors reorder, and a cohort course admits those its link lets in', async () => {
		const db = s.database.db;
		expect(await move(db, admin, slug, { lesson: lessons[1] }, 'up')).toMatchObject({ ok: true });
		expect((await courseOverview(db, admin, slug))?.modules[0].lessons.map((l) => l.id)).toEqual([
			lessons[1],
			lessons[0],
			quiz
		]);
		const made = await createCourse(db, admin, {
			title: 'Cohort only',
			summary: 'For one training group.',
			language: 'fr',
			audience: 'cohort'
		});
		if (!made.ok) throw new Error('no course');
		const m = await addModule(db, admin, made.value.slug, { title: 'Un' });
		if (m.ok) await addLesson(db, admin, made.value.slug, m.value.id, { title: 'Bienvenue' });
		await setPublished(db, admin, made.value.slug, true);
		expect(await courseOverview(db, other, made.value.slug)).toBeNull();
		expect(await enrol(db, other, made.value.slug)).toMatchObject({ ok: false });
		const link = await rotateCohortLink(db, admin, made.value.slug);
		if (!link.ok) throw new Error('no link');
		expect(await joinCohort(db, other, made.value.slug, 'wrong-code')).toMatchObject({ ok: false });
		expect(await joinCohort(db, other, made.value.slug, link.value.code)).toMatchObject({
			ok: true
		});
		expect(await enrol(db, other, made.value.slug)).toMatchObject({ ok: true });
		expect((await listCourses(db, { languages: ['fr'] })).items.map((c) => c.slug)).not.toContain(
			made.value.slug
		);
	});

	it('authors get clear errors; a quiz without questions cannot be published', async () => {
		const db = s.database.db;
		expect(
			await saveQuestion(db, admin, slug, quiz, {
				kind: 'single',
				prompt: 'Which?',
				lines: '* a\n* b'
			})
		).toMatchObject({
			ok: false,
			errors: { lines: 'error_question_right_single' }
		});
		expect(
			await saveQuestion(db, admin, slug, quiz, { kind: 'true_false', prompt: 'True?' })
		).toMatchObject({
			ok: false,
			errors: { answer: 'error_question_true_false' }
		});
		expect(
			await saveQuestion(db, admin, slug, lessons[0], { kind: 'short', prompt: 'Why?', lines: 'x' })
		).toMatchObject({ ok: false, kind: 'not_found' });
		const made = await createCourse(db, admin, {
			title: 'Empty quiz',
			summary: 'Nothing to answer yet.',
			language: 'es'
		});
		if (!made.ok) throw new Error('no course');
		const m = await addModule(db, admin, made.value.slug, { title: 'Uno' });
		if (m.ok)
			await addLesson(db, admin, made.value.slug, m.value.id, { title: 'Prueba', kind: 'quiz' });
		expect(await setPublished(db, admin, made.value.slug, true)).toMatchObject({
			ok: false,
			errors: { form: 'error_course_empty_quiz' }
		});
		expect(
			await createCourse(db, learner, {
				title: 'Mine',
				summary: 'Not staff anywhere.',
				language: 'en'
			})
		).toMatchObject({ ok: false });
	});
});
