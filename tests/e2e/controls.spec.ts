import { expect, test } from '@playwright/test';

test('radio buttons look like radio buttons, beside their labels, on a phone', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/ar/members');
	const radio = page.locator('input[type=radio][value=members]');
	const label = page.locator('label.check', { has: radio });
	const r = (await radio.boundingBox())!;
	const l = (await label.boundingBox())!;
	// A small round control, not a field across the screen…
	expect(r.width).toBeLessThan(32);
	// …inside a label tall enough to tap, on the same line as its words.
	expect(l.height).toBeGreaterThanOrEqual(44);
	expect(r.y).toBeGreaterThanOrEqual(l.y);
	expect(r.y + r.height).toBeLessThanOrEqual(l.y + l.height);
	await label.click();
	await expect(radio).toBeChecked();
});

test('on a phone, the first screen of the service search shows the need picker and the first result', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	for (const locale of ['en', 'ar']) {
		await page.goto(`/${locale}/services?need=legal&place=Paris`);
		const need = (await page.locator('#need').boundingBox())!;
		const first = (await page.locator('main .cards > li').first().boundingBox())!;
		expect(need.y + need.height, locale).toBeLessThanOrEqual(740);
		// At least the first result's name is on the first screen, without scrolling.
		expect(first.y + 24, locale).toBeLessThanOrEqual(740);
	}
});
