import { expect, test } from '@playwright/test';
import { linkIn, signedInPage, signUpVerified, uniqueEmail, waitForMail } from './support.ts';

test('a member proposes an organisation, an administrator approves it, another member joins', async ({
	page,
	browser
}) => {
	await signUpVerified(page, 'Awa Diop');
	await page.goto('/en/organisations/new');
	await page.locator('#f-name').fill('Association des Sénégalais de Lyon');
	await page.locator('#f-kind').selectOption('diaspora_association');
	await page.locator('#f-description').fill('Entraide, **culture** et accueil.');
	await page.getByLabel('Country 1', { exact: true }).selectOption('FR');
	await page.getByLabel('Country 2', { exact: true }).selectOption('SN');
	await page.getByLabel('Culture').check();
	await page.getByRole('button', { name: 'Send for approval' }).click();
	await expect(page.getByRole('status').first()).toContainText('Waiting for approval');
	const orgUrl = page.url().replace(/\?.*$/, '');

	const visitor = await (await browser.newContext()).newPage();
	expect((await visitor.goto(orgUrl))?.status()).toBe(404);

	const admin = await signedInPage(browser);
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

	// Invitations: the same answer whoever is behind the contact, and no one joins without accepting.
	const known = await (await browser.newContext()).newPage();
	const knownAccount = await signUpVerified(known, 'Fatou Ndiaye');
	const newcomerEmail = uniqueEmail('invitee');
	const contactField = page.getByRole('textbox', { name: 'Their e-mail address or phone number' });
	const inviteButton = page.getByRole('button', { name: 'Invite', exact: true });
	await contactField.fill('not a contact');
	await inviteButton.click();
	await expect(page.locator('.summary')).toContainText('Enter an e-mail address or a phone number');
	const answers: string[] = [];
	for (const contact of [knownAccount.email, newcomerEmail]) {
		await contactField.fill(contact);
		await inviteButton.click();
		await expect(page.locator('.cards li', { hasText: contact })).toBeVisible();
		answers.push((await page.getByRole('status').first().textContent()) ?? '');
	}
	expect(answers[0]).toContain('Invitation sent');
	expect(answers[1]).toBe(answers[0]);
	// Invited is not a member.
	await expect(page.getByRole('heading', { name: 'Members (2)' })).toBeVisible();

	// Someone with an account answers on the organisation's page: declining changes nothing.
	await known.goto(orgUrl);
	await expect(known.getByText('This organisation invited you to join it.')).toBeVisible();
	await known.getByRole('button', { name: 'Decline the invitation' }).click();
	await expect(known.getByRole('status').first()).toHaveText('You declined the invitation.');
	await expect(known.getByRole('button', { name: 'Decline the invitation' })).toHaveCount(0);

	// Someone without an account follows the link, creates one, and accepts.
	const invitation = await waitForMail(newcomerEmail);
	const newcomer = await (await browser.newContext()).newPage();
	await newcomer.goto(linkIn(invitation.text));
	await expect(newcomer.getByText(/Association des Sénégalais de Lyon.*invites you/)).toBeVisible();
	await newcomer.getByRole('link', { name: 'Create an account with an e-mail address' }).click();
	await newcomer.locator('#f-name').fill('Ibrahima Fall');
	await newcomer.locator('#f-email').fill(newcomerEmail);
	await newcomer.locator('#f-password').fill('a sturdy passphrase');
	await newcomer.locator('main form button[type=submit]').click();
	await expect(newcomer).toHaveURL(/\/en\/check-email/);
	await newcomer.goto(linkIn((await waitForMail(newcomerEmail, 2)).text));
	await expect(newcomer).toHaveURL(/\/en\/verified/);
	await newcomer.goto('/en/account/waiting');
	const waiting = newcomer.locator('.cards li', { hasText: 'Association des Sénégalais de Lyon' });
	await waiting.getByRole('button', { name: 'Accept the invitation' }).click();
	await expect(newcomer).toHaveURL(orgUrl);
	// Now a member: the organisation's own tools are open to them.
	await expect(
		newcomer.getByRole('link', { name: 'Manage your organisation’s services' })
	).toBeVisible();
	await page.goto(orgUrl);
	await expect(page.getByRole('heading', { name: 'Members (3)' })).toBeVisible();
	await expect(page.locator('.cards li', { hasText: newcomerEmail })).toHaveCount(0);
});
