import { expect, test } from '@playwright/test';
import { signInWithEmail, signUpVerified } from './support.ts';

test('see active sessions and end one from another device', async ({ page, browser }) => {
	const me = await signUpVerified(page, 'Jorge Ramírez');
	const phone = await browser.newContext({
		userAgent:
			'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'
	});
	const other = await phone.newPage();
	await signInWithEmail(other, me.email, me.password);

	await page.goto('/en/account');
	const phoneSession = page.locator('.cards li', { hasText: 'Chrome · Android' });
	await expect(phoneSession).toBeVisible();
	await expect(page.getByText('This device')).toBeVisible();
	await phoneSession.getByRole('button', { name: 'End this session' }).click();
	await expect(page.getByRole('status')).toHaveText('Session ended.');
	await expect(page.locator('.cards li', { hasText: 'Chrome · Android' })).toHaveCount(0);

	await other.goto('/en/account');
	await expect(other).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Faccount$/);
	await phone.close();
});
