import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signUpVerified } from './support.ts';

type Q =
	| { kind: 'single' | 'multiple'; prompt: string; choices: { text: string; correct: boolean }[] }
	| { kind: 'true_false'; prompt: string; answer: boolean }
	| { kind: 'short'; prompt: string; answers: string[] };
const course = (
	JSON.parse(readFileSync('src/lib/server/seed/data/courses/first-weeks.json', 'utf8')) as {
		versions: Record<
			string,
			{ title: string; modules: { lessons: { kind: string; title: string; questions?: Q[] }[] }[] }
		>;
	}
).versions.en;

test('a course saved on the phone reads offline, is listed, and a quiz answered offline is sent when the network returns', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signUpVerified(page, 'Offline Learner');
	await page.goto('/en/courses');
	await page.getByRole('link', { name: course.title }).click();
	await page.getByRole('button', { name: 'Start this course' }).click();
	const lessonUrl = page.url();
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	// Once the service worker controls the page, an opened lesson is kept.
	await page.reload();
	await expect(
		page.getByText('Saved for offline: this page opens without a connection.')
	).toBeVisible();
	await page.getByRole('link', { name: course.title }).first().click();
	const coursePath = new URL(page.url()).pathname;
	await page.getByRole('button', { name: 'Save the whole course for offline' }).click();
	await expect(page.getByText('Every lesson is saved.')).toBeVisible();
	await page.goto('/en/offline');

	await context.setOffline(true);
	const lessons = course.modules.flatMap((m) => m.lessons);
	await page.goto(lessonUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessons[0].title);
	await page.goto('/en/offline');
	await expect(page.locator('[data-offline-list]')).toContainText(lessons[1].title);
	await page.goto(coursePath);
	const quiz = lessons.find((l) => l.kind === 'quiz')!;
	await page.getByRole('link', { name: quiz.title }).click();
	for (const q of quiz.questions!) {
		const group = page.locator('fieldset', { hasText: q.prompt });
		if (q.kind === 'single' || q.kind === 'multiple') {
			for (const c of q.choices)
				if (c.correct) await group.getByLabel(c.text, { exact: true }).check();
		} else if (q.kind === 'true_false')
			await group.getByLabel(q.answer ? 'True' : 'False', { exact: true }).check();
		else if (q.kind === 'short') await group.getByLabel('Your answer').fill(q.answers[0]);
	}
	await page.getByRole('button', { name: 'Check my answers' }).click();
	await expect(page.getByText('your answers are kept on this phone')).toBeVisible();

	await context.setOffline(false);
	await expect(page.getByText('Your answers were sent.')).toBeVisible({ timeout: 15_000 });
	await page.reload();
	await expect(page.locator('main')).toContainText('Your best result so far: 100%.');
});
