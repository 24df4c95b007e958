import { expect, test } from '@playwright/test';
import { ADMIN, signInWithEmail, signUpVerified } from './support.ts';

test('a member proposes an organisation, an administrator approves it, another member joins', async ({
	page,
	browser
}) => {
	await signUpVerified(page, 'Awa Diop');
	await page.goto('/en/organisations/new');
	await page.locator('#f-name').fill('Association des Sénégalais de Lyon');
	await page.locator('#f-kind').selectOption('diaspora_association');
	await page.locator('#f-description').fill('Entraide, **culture** et accueil.');
	await page.locator('#f-countries').selectOption(['FR', 'SN']);
	await page.getByLabel('Culture').check();
	await page.getByRole('button', { name: 'Send for approval' }).click();
	await expect(page.getByRole('status').first()).toContainText('Waiting for approval');
	const orgUrl = page.url().replace(/\?.*$/, '');

	const visitor = await (await browser.newContext()).newPage();
	expect((await visitor.goto(orgUrl))?.status()).toBe(404);

	const admin = await (await browser.newContext()).newPage();
	await signInWithEmail(admin, ADMIN.email, ADMIN.password);
	await admin.goto('/en/admin/organisations');
	await admin.getByRole('link', { name: 'Association des Sénégalais de Lyon' }).click();
	await admin.getByRole('button', { name: 'Approve' }).click();
	await expect(admin.getByRole('status').first()).toHaveText('Decision saved.');

	await visitor.goto('/en/members?type=organisations&q=senegalais');
	await expect(
		visitor.getByRole('link', { name: 'Association des Sénégalais de Lyon' })
	).toBeVisible();

	const joiner = await (await browser.newContext()).newPage();
	await signUpVerified(joiner, 'Moussa Sow');
	await joiner.goto(orgUrl);
	await joiner.getByRole('button', { name: 'Ask to join' }).click();
	await expect(joiner.getByRole('status').first()).toContainText('Your request has been sent');

	await page.goto(orgUrl);
	const request = page.locator('.cards li', { hasText: 'Moussa Sow' });
	await request.getByRole('button', { name: 'Accept' }).click();
	await expect(page.getByRole('heading', { name: 'Members (2)' })).toBeVisible();
});
