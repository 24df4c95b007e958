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

	// A premium-rate number is never sent a code.
	await page.locator('#f-phone').fill('+33 8 99 12 34 56');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('#f-phone-error')).toHaveText(ar.error_phone_not_mobile);

	await page.locator('#f-phone').fill(phone.typed);
	await page.locator('main form button[type=submit]').click();
	await expect(page.getByRole('status')).toContainText(phone.e164);
	// The code step is the same for every number: it does not say whether an account exists.
	await expect(page.locator('#f-name')).toHaveCount(0);
	const sms = await waitForSms(phone.e164);
	const code = sms.body.match(/\b(\d{6})\b/)![1];

	await page.locator('#f-code').fill(code === '000000' ? '111111' : '000000');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('#f-code-error')).toBeVisible();

	await page.locator('#f-code').fill(code);
	await page.locator('main form button[type=submit]').click();
	// The number is proved: now the new account is named, before anything else.
	await expect(page).toHaveURL(/\/ar\/welcome$/);
	await page.goto('/ar/account');
	await expect(page).toHaveURL(/\/ar\/welcome$/);
	await page.locator('#f-name').fill('<b>x</b>');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('#f-name-error')).toHaveText(ar.error_name_symbols);
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
	await page.locator('#f-code').fill(second.body.match(/\b(\d{6})\b/)![1]);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/ar\/account$/);
	await expect(page.getByText('ليلى حداد')).toBeVisible();
});

test('the phone form answers a known and an unknown number alike', async ({
	request,
	playwright,
	baseURL
}) => {
	const known = uniquePhone();
	// Another client makes `known` an account first.
	const other = await playwright.request.newContext({ baseURL });
	await other.post('/api/auth/phone-number/send-otp', { data: { phoneNumber: known.e164 } });
	const sms = await waitForSms(known.e164);
	const made = await other.post('/api/auth/phone-number/verify', {
		data: { phoneNumber: known.e164, code: sms.body.match(/\b(\d{6})\b/)![1] }
	});
	expect(made.status()).toBe(200);
	await other.dispose();

	const send = async (phone: string) => {
		const response = await request.post('/en/sign-in/phone?/send', {
			headers: { 'x-sveltekit-action': 'true', origin: new URL(baseURL!).origin },
			form: { phone }
		});
		return { status: response.status(), body: (await response.text()).replaceAll(phone, 'PHONE') };
	};
	const unknown = uniquePhone().e164;
	const a = await send(known.e164);
	const b = await send(unknown);
	expect(a.status).toBe(200);
	expect(a).toEqual(b);
});
