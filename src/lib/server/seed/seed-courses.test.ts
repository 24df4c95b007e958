import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { courseOverview, listCourses, readLesson } from '../courses/read.ts';
import { quizQuestion } from '../courses/schema.ts';
import { seedCourses } from './demo-courses.ts';

describe('the platform’s own courses', () => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices({ kind: 'pglite' });
	});
	afterAll(() => s.database.close());

	it('load once, three in each language, each with lessons, a quiz of every kind and its translations', async () => {
		const db = s.database.db;
		expect(await seedCourses(db)).toBe(12);
		expect(await seedCourses(db)).toBe(0);
		for (const language of ['en', 'fr', 'es', 'ar']) {
			const { items } = await listCourses(db, { languages: [language], language });
			expect(items).toHaveLength(3);
			for (const c of items) {
				const o = await courseOverview(db, null, c.slug);
				const lessons = o!.modules.flatMap((m) => m.lessons);
				expect(lessons.filter((l) => l.kind === 'text').length).toBeGreaterThanOrEqual(3);
				const quiz = lessons.find((l) => l.kind === 'quiz')!;
				const page = await readLesson(db, null, c.slug, quiz.id);
				expect(new Set(page!.questions.map((q) => q.kind))).toEqual(
					new Set(['single', 'multiple', 'true_false', 'short'])
				);
				expect(o!.translations.map((t) => t.language).sort()).toEqual(
					['en', 'fr', 'es', 'ar'].filter((l) => l !== language).sort()
				);
				const first = await readLesson(db, null, c.slug, lessons[0].id);
				expect(first!.lesson.html).toContain('<h2>');
			}
		}
		expect((await db.select().from(quizQuestion)).length).toBe(12 * 6);
	});
});
