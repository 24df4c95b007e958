import { expect, test } from '@playwright/test';
import { signUpVerified } from './support.ts';

test('the first visit follows Accept-Language, and every language has its own URL', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'es-ES' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page).toHaveURL(/\/es$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await page.getByRole('link', { name: 'العربية' }).click();
	await expect(page).toHaveURL(/\/ar$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	// Logical properties: the skip link and the start of text sit on the right in Arabic.
	const main = await page.locator('main h1').boundingBox();
	const viewport = page.viewportSize()!;
	expect(main!.x + main!.width).toBeGreaterThan(viewport.width / 2);
	await context.close();
});

test('a bare path keeps the place and gains the language', async ({ page }) => {
	await page.goto('/sign-in');
	await expect(page).toHaveURL(/\/en\/sign-in$/);
});

test('the interface language chosen in account settings is remembered', async ({ page }) => {
	await signUpVerified(page, 'Amara Okafor');
	await page.goto('/en/account');
	await page.getByRole('radio', { name: 'Français' }).check();
	await page.getByRole('button', { name: 'Save the language' }).click();
	await expect(page).toHaveURL(/\/fr\/account\?saved=1$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte');
	await page.goto('/');
	await expect(page).toHaveURL(/\/fr$/);
});
