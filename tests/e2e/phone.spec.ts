import { expect, test } from '@playwright/test';
import { uniquePhone, waitForSms } from './support.ts';
import ar from '../../messages/ar.json' with { type: 'json' };

test('sign up and in with a phone number and an SMS code, in Arabic', async ({ page }) => {
	const phone = uniquePhone();
	await page.goto('/ar/sign-in/phone');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

	await page.locator('#f-phone').fill('0612');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('#f-phone-error')).toHaveText(ar.error_phone_invalid);

	await page.locator('#f-phone').fill(phone.typed);
	await page.locator('main form button[type=submit]').click();
	await expect(page.getByRole('status')).toContainText(phone.e164);
	const sms = await waitForSms(phone.e164);
	const code = sms.body.match(/\b(\d{6})\b/)![1];

	// A new number needs a name before an account is made.
	await page.locator('#f-code').fill(code);
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('#f-name-error')).toBeVisible();

	await page.locator('#f-code').fill(code === '000000' ? '111111' : '000000');
	await page.locator('#f-name').fill('ليلى حداد');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('#f-code-error')).toBeVisible();

	await page.locator('#f-code').fill(code);
	await page.locator('#f-name').fill('ليلى حداد');
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/ar\/account$/);
	await expect(page.getByText('ليلى حداد')).toBeVisible();

	// Sign out, then back in with a new code: same account, no name asked.
	await page.locator('header form button').click();
	await page.goto('/ar/sign-in/phone');
	await page.locator('#f-phone').fill(phone.e164);
	await page.locator('main form button[type=submit]').click();
	const second = await waitForSms(phone.e164, 2);
	await expect(page.locator('#f-name')).toHaveCount(0);
	await page.locator('#f-code').fill(second.body.match(/\b(\d{6})\b/)![1]);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/ar\/account$/);
	await expect(page.getByText('ليلى حداد')).toBeVisible();
});
