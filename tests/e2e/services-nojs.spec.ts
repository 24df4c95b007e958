import { expect, test } from '@playwright/test';

// Runs in the no-javascript project: a person on a basic phone finds a service, in Arabic.
test('find a legal service in Paris in Arabic, without JavaScript, and share its short link', async ({
	page,
	request
}) => {
	await page.goto('/ar/services');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.getByLabel('ماذا تحتاج؟').selectOption('legal');
	await page.getByLabel('المدينة').fill('Paris');
	await page.getByRole('button', { name: 'بحث' }).click();
	await expect(page).toHaveURL(/need=legal/);
	const result = page.getByRole('link', { name: 'استشارات قانونية للقادمين الجدد' });
	await expect(result).toBeVisible();
	await expect(page.locator('.cards li').first()).toContainText('كم');
	await result.click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'استشارات قانونية للقادمين الجدد'
	);
	for (const heading of [
		'لمن',
		'أين',
		'متى',
		'الوثائق المطلوبة',
		'التكلفة',
		'اللغات المستخدمة',
		'جهات الاتصال'
	])
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	await expect(page.getByRole('table').first()).toBeVisible();
	await expect(page.getByText(/آخر تحقق في/)).toBeVisible();

	const shortLink = await page.getByLabel('رابط قصير لهذه الصفحة').inputValue();
	const path = new URL(shortLink).pathname;
	expect(path).toMatch(/^\/s\/[A-Za-z0-9]{8}$/);
	const response = await request.get(path, { maxRedirects: 0 });
	expect([301, 302, 303, 307, 308]).toContain(response.status());
	await page.goto(path);
	await expect(page).toHaveURL(/\/services\/[0-9a-f-]{36}$/);

	// Printing hides the site's menus and forms.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.site')).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a search with a bad filter explains itself instead of failing', async ({ page }) => {
	const response = await page.goto('/en/services?near=somewhere&age=-4');
	expect(response?.status()).toBe(200);
	await expect(page.locator('.summary')).toContainText('latitude,longitude');
});
