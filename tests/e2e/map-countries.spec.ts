import { expect, test } from '@playwright/test';
import ar from '../../messages/ar.json' with { type: 'json' };

test('the map and a country page in Arabic, drawn on the server, with tables and the UN source', async ({
	page
}) => {
	await page.goto('/ar/map');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.map_title);
	const map = page.locator('main svg').first();
	await expect(map).toBeVisible();
	expect(await map.locator('path').count()).toBeGreaterThan(100);
	// Demo members live in France, Germany, Spain, Ireland and Jordan: their countries are filled.
	expect(await map.locator('path:not(.q0)').count()).toBeGreaterThanOrEqual(5);
	await expect(map.locator('path:not(.q0) title', { hasText: 'الأردن' })).toHaveCount(1);
	await expect(page.locator('main table').first()).toBeVisible();

	// Where the Syrian diaspora lives, with the GET form (no JavaScript).
	await page.locator('main form select').first().selectOption('sy');
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/origin=sy/i);
	await expect(page.getByText(ar.map_stock_heading.split('{')[0].trim()).first()).toBeVisible();

	await page.goto('/ar/countries/sy');
	await expect(page.locator('main svg').first()).toBeVisible();
	await expect(page.locator('main')).toContainText('2020');
	await expect(page.locator('main')).toContainText('International Migrant Stock 2020');
	await expect(page.locator('main')).toContainText('8,457,214');
	expect((await page.goto('/ar/countries/zz'))?.status()).toBe(404);
});
