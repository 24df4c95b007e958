import { expect, test } from '@playwright/test';
import { signedInPage, signUpVerified, useSession } from './support.ts';

test('an administrator gives roles', async ({ page, browser }) => {
	const memberContext = await browser.newContext();
	const memberPage = await memberContext.newPage();
	const member = await signUpVerified(memberPage, 'Fatima Zahra Benali');
	await memberPage.goto('/en/admin');
	await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText(
		'You do not have access to this page.'
	);
	expect((await memberPage.goto('/en/services/review'))?.status()).toBe(404);

	await useSession(page);
	await page.goto('/en/account');
	await expect(page).toHaveURL(/\/en\/account$/);
	await page.getByRole('link', { name: 'Administration' }).click();
	await page.getByRole('link', { name: 'People and roles' }).click();
	await page.getByLabel('Search by name, e-mail or phone').fill(member.email);
	await page.getByRole('button', { name: 'Search' }).click();
	const card = page.locator('.cards li', { hasText: member.email });
	// Only roles that something checks are offered (3d5b76a removed the others).
	await expect(card.getByLabel('Mentoring coordinator')).toHaveCount(0);
	await card.getByLabel('Moderator').check();
	await card.getByRole('button', { name: 'Save roles' }).click();
	await expect(page.getByRole('status')).toHaveText('Roles saved.');

	await memberPage.goto('/en/account');
	await expect(memberPage.locator('main')).toContainText('Moderator');
	// What the member can now reach: the curators' review queue.
	expect((await memberPage.goto('/en/services/review'))?.status()).toBe(200);
	await memberContext.close();
});

test.afterEach(async ({ browser }) => {
	// Back to neutral branding whatever happened, so other tests see the defaults.
	const page = await signedInPage(browser);
	await page.goto('/en/admin/settings');
	await page.getByLabel('Platform name').fill('Passerelle');
	await page.getByLabel('Main colour').fill('#1f5f8b');
	for (const name of ['English', 'Français', 'Español', 'العربية'])
		await page.getByRole('checkbox', { name }).check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Settings saved.');
	await page.context().close();
});

test('an administrator sets the name, colours and languages, and sees the outbox', async ({
	page
}) => {
	await useSession(page);
	await page.goto('/en/admin/settings');
	await page.getByLabel('Platform name').fill('Pont Solidaire');
	await page.getByLabel('Main colour').fill('#0b6e4f');
	await page.getByRole('checkbox', { name: 'Español' }).uncheck();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Settings saved.');
	await expect(page.locator('header .brand')).toHaveText('Pont Solidaire');
	await expect(page.locator('.langs')).not.toContainText('Español');
	const brand = await page
		.locator('header.site')
		.evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(brand).toBe('rgb(11, 110, 79)');
	await page.goto('/es/account');
	await expect(page).toHaveURL(/\/en\/account$/);

	// Bad colour: refused with a message, nothing changed.
	await page.goto('/en/admin/settings');
	await page.getByLabel('Main colour').fill('red');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#f-primary-error')).toHaveText('Use a colour code like #1f5f8b.');
	// Too light for white text and for links on white: refused, with the reason.
	await page.getByLabel('Main colour').fill('#ffcc00');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#f-primary-error')).toContainText('at least 4.5:1');
	await page.goto('/en/admin/settings');
	await expect(page.getByLabel('Main colour')).toHaveValue('#0b6e4f');

	await page.goto('/en/admin/outbox');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outbox');
	// The stack has a mail server: messages left through the queue and say so, without a body.
	await expect(page.locator('.cards .meta', { hasText: 'email · sent' }).first()).toBeVisible();
});
