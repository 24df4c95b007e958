import { expect, test } from '@playwright/test';
import { signUpVerified } from './support.ts';

// Runs with JavaScript and without (both projects): sign-up promises a list of saved services.
test('a person keeps services on a list in their account, and takes them off', async ({ page }) => {
	await page.goto('/en/services?need=legal&place=Paris');
	const first = page.locator('.cards li a').first();
	const name = (await first.textContent())!.trim();
	const servicePath = new URL(page.url()).origin + (await first.getAttribute('href'))!;
	const { email } = await signUpVerified(page, 'Saver Person');
	await page.goto('/en/account');
	await expect(page.getByText('No saved services yet.')).toBeVisible();
	await page.locator('header form button').click();

	// A visitor is told how to keep it, and signing in comes back to the service.
	await page.goto(servicePath);
	await page.getByRole('link', { name: 'Sign in to keep this service on your list.' }).click();
	await page.locator('#f-email').fill(email);
	await page.locator('#f-password').fill('a sturdy passphrase');
	await page.locator('main form button[type=submit]').first().click();
	await expect(page).toHaveURL(servicePath);
	await page.getByRole('button', { name: 'Save to my list' }).click();
	await expect(page.getByText('This service is on your list')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Remove from my list' })).toBeVisible();

	await page.goto('/en/account');
	await expect(page.getByRole('heading', { name: 'Saved services' })).toBeVisible();
	await expect(page.getByRole('link', { name })).toBeVisible();
	await page.getByRole('button', { name: 'Remove from my list' }).click();
	await expect(page.getByText('Removed from your list.')).toBeVisible();
	await expect(page.getByText('No saved services yet.')).toBeVisible();
});
