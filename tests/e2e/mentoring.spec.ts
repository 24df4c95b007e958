import { expect, test, type Page } from '@playwright/test';
import { accessibilityProblems, signUpVerified, useSession } from './support.ts';
import { BUDGET, compressedSize } from './wire-size.ts';

/**
 * A page as a phone shows it to the same person, in English and Arabic: accessible (axe runs in
 * the page, so in a context with JavaScript), never wider than the screen, within the budget.
 */
async function onAPhone(page: Page, path: string) {
	const cookies = await page.context().cookies();
	const phone = await page
		.context()
		.browser()!
		.newContext({ viewport: { width: 360, height: 740 } });
	await phone.addCookies(cookies);
	const reader = await phone.newPage();
	const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	for (const locale of ['en', 'ar']) {
		const address = new URL(path.replace(/^\/en\//, `/${locale}/`), page.url()).href;
		await reader.goto(address);
		expect(await accessibilityProblems(reader), address).toEqual([]);
		expect(
			await reader.evaluate(
				() => document.documentElement.scrollWidth <= document.documentElement.clientWidth
			),
			address
		).toBe(true);
		const wire = await compressedSize(address, cookie);
		expect(wire.status, address).toBe(200);
		expect(wire.bytes, address).toBeLessThan(BUDGET.html);
	}
	await phone.close();
}

test('run a mentoring cohort: applications, suggested pairs, sessions and goals, feedback', async ({
	browser
}) => {
	// Five people, two programmes' worth of pages, axe in two languages: a long flow.
	test.setTimeout(180_000);
	// The administrator's own organisation runs the programme (an administrator's is approved).
	const coordinator = await (await browser.newContext()).newPage();
	await useSession(coordinator);
	await coordinator.goto('/en/organisations/new');
	await coordinator.locator('#f-name').fill(`Passerelle Santé ${Date.now().toString(36)}`);
	await coordinator.locator('#f-kind').selectOption('ngo');
	await coordinator.locator('#f-description').fill('Accueil et accompagnement des soignants.');
	await coordinator.getByLabel('Country 1', { exact: true }).selectOption('FR');
	await coordinator.locator('main form button[type=submit]').click();
	await coordinator.goto('/en/mentoring');
	await coordinator.getByRole('link', { name: 'Start a programme' }).click();
	await coordinator.locator('#f-title').fill('Nurses twinning, spring cohort');
	await coordinator
		.locator('#f-description')
		.fill('Experienced nurses accompany newly arrived ones for six months.');
	await coordinator.locator('#f-kind').selectOption('twinning');
	await coordinator.locator('#f-reminderDays').fill('1');
	await coordinator.getByRole('button', { name: 'Create the programme' }).click();
	await expect(coordinator.locator('#f-reminderDays-error')).toContainText('3 to 60');
	await coordinator.locator('#f-reminderDays').fill('10');
	await coordinator.getByRole('button', { name: 'Create the programme' }).click();
	await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(
		'Nurses twinning, spring cohort'
	);
	const programme = new URL(coordinator.url()).pathname;

	// A mentor and a mentee apply, without JavaScript.
	const apply = async (name: string, role: 'Mentor' | 'Be mentored', skills: string) => {
		const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		await signUpVerified(page, name);
		if (role === 'Mentor') {
			await page.goto('/en/account/skills?find=nurse&kind=occupation');
			await page.getByRole('button', { name: 'Add: nurse responsible for general care' }).click();
		}
		await page.goto(programme);
		await page.getByLabel(role, { exact: true }).check();
		await page.locator('#f-goals').fill('To practise nursing here, and to help others do it.');
		await page.locator('#f-skills').fill(skills);
		await page.locator('#f-need-0').selectOption('fr');
		await page.locator('#f-level-0').selectOption('C1');
		await page.locator('#f-utcOffset').selectOption('1');
		await page.locator('#f-availability').fill('Tuesday evenings');
		await page.getByRole('button', { name: 'Send my application' }).click();
		return page;
	};
	const mentor = await apply('Hélène Mentor', 'Mentor', '');
	await expect(mentor.getByRole('status')).toContainText('The coordinator will pair you');
	const mentee = await apply('Sami Mentee', 'Be mentored', 'hygiene in a health care settin');
	await expect(mentee.locator('main')).toContainText(
		'did you mean hygiene in a health care setting'
	);
	await mentee.locator('#f-skills').fill('hygiene in a health care setting');
	await mentee.locator('#f-need-0').selectOption('fr');
	await mentee.locator('#f-level-0').selectOption('C1');
	await mentee.getByRole('button', { name: 'Send my application' }).click();
	await expect(mentee.getByRole('status')).toContainText('The coordinator will pair you');

	// The coordinator sees the pair with its reasons and confirms it.
	await coordinator.goto(`${programme}/coordinate`);
	const suggested = coordinator.locator('section[aria-labelledby=h-suggested] .card', {
		hasText: 'Sami Mentee'
	});
	await expect(suggested).toContainText('Hélène Mentor');
	await expect(suggested).toContainText(
		'“hygiene in a health care setting” comes with the occupation “nurse responsible for general care”.'
	);
	await expect(suggested).toContainText('Both speak French.');
	await coordinator.getByRole('button', { name: 'Confirm the ticked pairs' }).click();
	await expect(coordinator.getByRole('status')).toContainText('One pair confirmed');
	await onAPhone(coordinator, `${programme}/coordinate`);

	// The mentee is told, logs a session with private notes and sets a goal; the mentor meets it.
	await mentee.goto('/en/account/notifications');
	await mentee.getByRole('link', { name: /You have a mentoring pair/ }).click();
	const pairPage = new URL(mentee.url()).pathname;
	await mentee.locator('#f-minutes').fill('2');
	await mentee.locator('#f-notes').fill('I am afraid of the language exam.');
	await mentee.getByRole('button', { name: 'Log the session' }).click();
	await expect(mentee.locator('#f-minutes-error')).toContainText('5 to 600');
	await expect(mentee.locator('#f-notes')).toHaveValue('I am afraid of the language exam.');
	await mentee.locator('#f-minutes').fill('50');
	await mentee.getByRole('button', { name: 'Log the session' }).click();
	await mentee.locator('#f-title').fill('Pass the French B2 exam');
	await mentee.getByRole('button', { name: 'Add the goal' }).click();
	await mentor.goto(pairPage);
	await expect(mentor.locator('main')).toContainText('I am afraid of the language exam.');
	await mentor.getByRole('button', { name: 'Mark as met' }).click();
	await expect(mentor.locator('main')).toContainText('Pass the French B2 exam · met');

	// The coordinator counts it all, and never reads the notes.
	await coordinator.goto(pairPage);
	await expect(coordinator.locator('main')).toContainText('50 min');
	await expect(coordinator.locator('main')).not.toContainText('afraid');
	await coordinator.goto(`${programme}/coordinate`);
	await expect(coordinator.locator('dl.facts')).toContainText(/Goals met\s*1 \/ 1/);
	const outsider = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signUpVerified(outsider, 'Curious Member');
	expect((await outsider.goto(pairPage))?.status()).toBe(404);
	expect((await outsider.goto(`${programme}/coordinate`))?.status()).toBe(404);

	// The programme ends; each gives feedback once.
	await coordinator.getByRole('button', { name: 'End the programme' }).click();
	await expect(coordinator.getByRole('status')).toContainText('asked for feedback');
	for (const [page, rating] of [
		[mentee, '5'],
		[mentor, '4']
	] as const) {
		await page.goto(pairPage);
		await page.getByRole('button', { name: 'Send my feedback' }).click();
		await expect(page.locator('main')).toContainText('Choose a rating from 1 to 5.');
		await page.getByLabel(rating, { exact: true }).check();
		await page.getByRole('button', { name: 'Send my feedback' }).click();
		await expect(page.locator('main')).toContainText('Thank you for your feedback.');
	}
	await onAPhone(mentee, pairPage);
	await coordinator.goto(`${programme}/coordinate`);
	await expect(coordinator.locator('dl.facts')).toContainText('4.5');
});
