import { expect, test } from '@playwright/test';
import { linkIn, signInWithEmail, uniqueEmail, waitForMail } from './support.ts';

test('sign up by e-mail in French, confirm by the link, sign out, reset the password and sign in again', async ({
	page
}) => {
	const email = uniqueEmail('helene');
	await page.goto('/fr/sign-up');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.getByLabel('Votre nom').fill('Hélène Mbarga');
	await page.locator('#f-email').fill(email);
	await page.locator('#f-password').fill('une phrase solide');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).toHaveURL(/\/fr\/check-email$/);

	const mail = await waitForMail(email);
	expect(mail.subject).toContain('Confirmez');
	await page.goto(linkIn(mail.text));
	await expect(page).toHaveURL(/\/fr\/verified$/);
	await page.goto('/fr/account');
	await expect(page.getByText('Hélène Mbarga')).toBeVisible();

	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await page.goto('/fr/account');
	// The sign-in page knows where to come back to.
	await expect(page).toHaveURL(/\/fr\/sign-in\?next=%2Ffr%2Faccount$/);

	await page.locator('#f-email').fill(email);
	await page.locator('#f-password').fill('pas le bon mot de passe');
	await page.locator('main form button[type=submit]').first().click();
	await expect(page.getByRole('alert')).toContainText("L'adresse e-mail ou le mot de passe");

	await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
	await page.locator('#f-email').fill(email);
	await page.locator('main form button[type=submit]').click();
	await expect(page.getByRole('status')).toBeVisible();
	const reset = await waitForMail(email, 2);
	await page.goto(linkIn(reset.text));
	await expect(page).toHaveURL(/\/fr\/reset-password\?token=/);
	await page.locator('#f-password').fill('un nouveau mot de passe');
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/fr\/sign-in\?reset=done$/);

	await signInWithEmail(page, email, 'un nouveau mot de passe', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte');
});
