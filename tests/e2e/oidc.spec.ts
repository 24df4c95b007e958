import { expect, test } from '@playwright/test';

test('sign in with an OpenID Connect provider configured by the deployment', async ({ page }) => {
	const login = `amara${Date.now().toString(36)}`;
	await page.goto('/en/sign-in');
	await page.getByRole('link', { name: 'Continue with Test ID' }).click();

	// The provider's own pages (oidc-provider's development login and consent forms).
	await expect(page).toHaveURL(/localhost:3198\/interaction\//);
	await page.locator('input[name=login]').fill(login);
	const password = page.locator('input[name=password]');
	if (await password.count()) await password.fill('any');
	await page.locator('button[type=submit]').click();
	const consent = page.locator('button[type=submit]');
	if (/interaction/.test(page.url())) await consent.click();

	await expect(page).toHaveURL(/localhost:3100\/en\/account$/);
	await expect(page.getByText(`OIDC ${login}`)).toBeVisible();
});
