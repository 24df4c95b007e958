import { expect, test } from '@playwright/test';
import { linkIn, signedInPage, signUpVerified, waitForMail } from './support.ts';

// A proposed organisation is rejected: the administrator must give a reason; the proposer is told
// in the header, by an e-mail that names nothing, and on their notifications page, which marks it
// read; they can choose to be told only on the site. Runs with JavaScript on and off.
test('the proposer of a rejected organisation is told why, by e-mail and on the site', async ({
	page,
	browser
}) => {
	const name = `Zelkova Aid ${Date.now().toString(36)}`;
	const me = await signUpVerified(page, 'Nour Proposer');
	await page.goto('/en/organisations/new');
	await page.locator('#f-name').fill(name);
	await page.locator('#f-kind').selectOption('ngo');
	await page.locator('#f-description').fill('Help with forms.');
	await page.getByRole('button', { name: 'Send for approval' }).click();
	await expect(page.getByRole('status').first()).toContainText('Waiting for approval');
	const orgUrl = page.url().replace(/\?.*$/, '');
	const orgPath = new URL(orgUrl).pathname;

	const admin = await signedInPage(browser);
	await admin.goto(orgUrl);
	await admin.getByRole('button', { name: 'Reject' }).click();
	await expect(admin.locator('#f-reason-error')).toHaveText(
		'Give the reason: it is shown to the people who proposed the organisation.'
	);
	await admin.getByLabel(/^Reason, if you reject it/).fill('We could not check the address.');
	await admin.getByRole('button', { name: 'Reject' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Decision saved.' })).toBeVisible();
	await admin.context().close();

	// The e-mail: a sentence and a link, no name and no reason.
	const mail = await waitForMail(me.email, 2);
	expect(mail.subject).toContain('An organisation you proposed was not approved');
	expect(mail.text).not.toContain(name);
	expect(mail.text).not.toContain('address');
	expect(new URL(linkIn(mail.text)).pathname).toBe(orgPath);

	// The header says there is news; the page says what, and then it is read.
	await page.goto('/en/account');
	const news = page.getByRole('link', { name: 'Notifications, 1 new' });
	await expect(news).toBeVisible();
	await news.click();
	await expect(page).toHaveURL(/\/en\/account\/notifications$/);
	const item = page.locator('main li', { hasText: name });
	await expect(item).toContainText('New');
	await expect(item).toContainText('Reason: We could not check the address.');
	await page.reload();
	await expect(page.getByRole('link', { name: /Notifications, \d+ new/ })).toHaveCount(0);
	await expect(page.locator('main li', { hasText: name })).not.toContainText('New');

	// The organisation's page gives the reason to its admin.
	await page.locator('main li a', { hasText: name }).click();
	await expect(page).toHaveURL(new RegExp(`${orgPath}$`));
	await expect(
		page.getByText('This organisation was not approved. Reason: We could not check the address.')
	).toBeVisible();

	// Told only here from now on.
	await page.goto('/en/account/notifications');
	await page.getByLabel('Nothing else: only here, on the site').check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await expect(page.getByLabel('Nothing else: only here, on the site')).toBeChecked();
});
