import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { verify } from '../../src/lib/server/courses/credentials.ts';
import { accessibilityProblems, signUpVerified, useSession } from './support.ts';
import { BUDGET, compressedSize } from './wire-size.ts';
import { readPdf } from '../support/pdf.ts';

type SeedQuestion =
	| { kind: 'single' | 'multiple'; prompt: string; choices: { text: string; correct: boolean }[] }
	| { kind: 'true_false'; prompt: string; answer: boolean }
	| { kind: 'short'; prompt: string; answers: string[] };
type SeedCourse = {
	slug: string;
	title: string;
	modules: {
		title: string;
		lessons: { kind: string; title: string; questions?: SeedQuestion[] }[];
	}[];
};
const seed = JSON.parse(
	readFileSync('src/lib/server/seed/data/courses/safe-online.json', 'utf8')
) as { versions: Record<string, SeedCourse> };

/** Answers every question of the quiz on the page, rightly or wrongly. */
async function answer(page: Page, questions: SeedQuestion[], right: boolean) {
	for (const q of questions) {
		const group = page.locator('fieldset', { hasText: q.prompt });
		if (q.kind === 'single' || q.kind === 'multiple') {
			for (const c of q.choices) {
				const box = group.getByLabel(c.text, { exact: true });
				// Wrong: every box of a multiple choice, or a wrong one; right: exactly the right ones.
				const want = right ? c.correct : q.kind === 'multiple' || !c.correct;
				if (q.kind === 'multiple') await box.setChecked(want);
				else if (want) await box.check();
			}
		} else if (q.kind === 'true_false') {
			await group.getByLabel(q.answer === right ? 'True' : 'False', { exact: true }).check();
		} else if (q.kind === 'short') {
			await group.getByLabel('Your answer').fill(right ? q.answers[0].toUpperCase() : 'no idea');
		}
	}
	await page.getByRole('button', { name: 'Check my answers' }).click();
}

test('a member takes a seed course to the end without JavaScript: lessons, a failed then passed quiz', async ({
	browser
}) => {
	const course = seed.versions.en;
	const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signUpVerified(page, 'Course Learner');
	await page.goto('/en/courses');
	await page.getByRole('link', { name: course.title }).click();
	await page.getByRole('button', { name: 'Start this course' }).click();
	const lessons = course.modules.flatMap((m) => m.lessons);
	for (const lesson of lessons.filter((l) => l.kind === 'text')) {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		await page.getByRole('button', { name: /^Done/ }).click();
	}
	const quiz = lessons.find((l) => l.kind === 'quiz')!;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(quiz.title);
	await answer(page, quiz.questions!, false);
	await expect(page.getByRole('status')).toContainText('you need 70% to pass');
	await expect(page.locator('.error').first()).toContainText('Not quite.');
	await answer(page, quiz.questions!, true);
	await expect(page.getByRole('status')).toHaveText('You passed, with 100%.');
	// Sent again (a reload re-posts the same form): still one attempt, still passed.
	await page.goto(page.url());
	await expect(page.locator('main')).toContainText('Your best result so far: 100%.');
	await page.getByRole('link', { name: course.title }).first().click();
	await expect(page.getByRole('status')).toContainText('You have completed this course');

	// The certificate: a public page says it is genuine; the downloaded credential verifies with
	// the same libraries (the issuer's key and the status list fetched from the platform), and
	// fails once one byte of it changes.
	await page.getByRole('link', { name: 'See your certificate' }).click();
	await expect(page.getByRole('status')).toContainText('This certificate is genuine');
	await expect(page.locator('dl')).toContainText('Course Learner');
	const json = await (
		await page.request.get(new URL('credential.json', `${page.url()}/`).href)
	).text();
	// As a verifier resolves the issuer: the document at the address, and a key by its fragment
	// (the verification method of that id in the controller document).
	const documents = async (url: string) => {
		const [address, fragment] = url.split('#');
		const r = await page.request.get(address);
		if (!r.ok()) return null;
		const doc = (await r.json()) as {
			'@context'?: unknown;
			verificationMethod?: { id: string }[];
		};
		if (!fragment) return doc;
		const method = doc.verificationMethod?.find((m) => m.id === url);
		return method ? { '@context': 'https://w3id.org/security/multikey/v1', ...method } : null;
	};
	expect(await verify(JSON.parse(json), documents)).toEqual({
		verified: true,
		revoked: false,
		error: null
	});
	const at = json.indexOf('Course Learner');
	const changed = `${json.slice(0, at)}X${json.slice(at + 1)}`;
	expect((await verify(JSON.parse(changed), documents)).verified).toBe(false);
	// The verification page, as a visitor on a 360 px phone, in English and Arabic: accessible,
	// never wider than the screen, within the page-weight budget.
	const reader = await (
		await browser.newContext({ viewport: { width: 360, height: 740 } })
	).newPage();
	for (const locale of ['ar', 'en']) {
		const address = page.url().replace('/en/', `/${locale}/`);
		await reader.goto(address);
		expect(await accessibilityProblems(reader)).toEqual([]);
		expect(
			await reader.evaluate(
				() => document.documentElement.scrollWidth <= document.documentElement.clientWidth
			),
			address
		).toBe(true);
		const wire = await compressedSize(address, '');
		expect(wire.encoded).toBe('gzip');
		expect(wire.bytes).toBeLessThan(BUDGET.html);
	}

	// The copy to print: the learner and the course, the page's address, the credential inside.
	const pdf = await page.request.get(new URL('certificate.pdf', `${page.url()}/`).href);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const printed = await readPdf(await pdf.body());
	expect(printed.text).toContain('Course Learner');
	expect(printed.text).toContain(page.url());
	expect(JSON.parse(printed.attachments[0].text)).toEqual(JSON.parse(json));

	// Anyone given the file checks it on the platform, without an account; a changed one fails.
	await reader.getByRole('link', { name: 'Check a certificate file you were given' }).click();
	const upload = async (text: string) => {
		await reader.getByLabel('Certificate file (JSON)').setInputFiles({
			name: 'certificate.json',
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
		await reader.getByRole('button', { name: 'Check' }).click();
	};
	await upload(json);
	await expect(reader.getByRole('status')).toContainText('This certificate is genuine');
	await expect(reader.locator('dl')).toContainText('Course Learner');
	await upload(changed);
	await expect(reader.getByRole('status')).toContainText('not a certificate this platform issued');
	expect(await accessibilityProblems(reader)).toEqual([]);

	// The platform's administrator revokes it from its page, saying why; everyone sees it at once.
	const admin = await (await browser.newContext()).newPage();
	await useSession(admin);
	await admin.goto(page.url());
	await admin.getByRole('button', { name: 'Revoke the certificate' }).click();
	await expect(admin.getByLabel('Why it is revoked')).toBeFocused();
	await admin.getByLabel('Why it is revoked').fill('no');
	await admin.getByRole('button', { name: 'Revoke the certificate' }).click();
	await expect(admin.locator('.error').first()).toContainText('Say why, in 5 to 500 characters.');
	await admin.getByLabel('Why it is revoked').fill('Answers were shared between learners');
	await admin.getByRole('button', { name: 'Revoke the certificate' }).click();
	await page.reload();
	await expect(page.getByRole('status')).toContainText('This certificate was revoked');
	await expect(page.getByRole('link', { name: /printable|print/ })).toHaveCount(0);
	expect((await verify(JSON.parse(json), documents)).revoked).toBe(true);
});

test('staff write a course with a part, a lesson and a quiz, publish it, and visitors find it', async ({
	page: admin,
	browser
}) => {
	await useSession(admin);
	await admin.goto('/en/courses/new');
	await admin.getByLabel('Written for').selectOption({ label: 'The platform itself' });
	await admin.getByLabel('Title').fill('Reading a payslip');
	await admin
		.getByLabel('What learners will be able to do')
		.fill('Check the hours, the pay and what was taken off.');
	await admin.getByRole('button', { name: 'Create the draft' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Edit the course');
	await admin.getByLabel('Title of a new part').fill('The payslip');
	await admin.getByRole('button', { name: 'Add the part' }).click();
	await admin.getByLabel('Title of a new lesson').fill('Gross and net');
	await admin.getByRole('button', { name: 'Add the lesson' }).click();
	await admin
		.locator('#f-body')
		.fill('## Gross and net\n\n**Gross** is before deductions; **net** is what you receive.');
	await admin.getByRole('button', { name: 'Save' }).first().click();
	await expect(admin.getByRole('status')).toHaveText('Saved.');
	await admin.goto(admin.url().replace(/\/edit\/.*/, '/edit'));
	// Publishing a quiz without questions is refused with the reason.
	await admin.getByLabel('Title of a new lesson').fill('Check yourself');
	await admin.getByLabel('Quiz').check();
	await admin.getByRole('button', { name: 'Add the lesson' }).click();
	await admin
		.getByLabel('Question', { exact: true })
		.fill('Which amount reaches your bank account?');
	await admin.getByLabel('Choices, or accepted answers').fill('Gross\nNet');
	await admin.getByRole('button', { name: 'Add a question' }).click();
	await expect(admin.locator('.error').first()).toContainText('exactly one right choice');
	await admin.getByLabel('Choices, or accepted answers').fill('Gross\n* Net');
	await admin.getByRole('button', { name: 'Add a question' }).click();
	await expect(admin.getByRole('status')).toHaveText('Saved.');
	await admin.getByRole('link', { name: 'Reading a payslip' }).click();
	await admin.getByRole('button', { name: 'Publish' }).click();
	await expect(admin.locator('main')).toContainText('Published: learners can follow it.');

	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await visitor.goto('/en/courses?language=en');
	await visitor.getByRole('link', { name: 'Reading a payslip' }).click();
	await visitor.getByRole('link', { name: 'Gross and net' }).click();
	await expect(visitor.locator('article h2')).toHaveText('Gross and net');
	await expect(visitor.locator('main')).toContainText('Sign in to follow this course');
	const reader = await (await browser.newContext()).newPage();
	await reader.goto(visitor.url());
	expect(await accessibilityProblems(reader)).toEqual([]);
});
