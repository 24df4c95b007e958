import { expect, test } from '@playwright/test';

// Names across scripts: a visitor types a name the way they know it, in their script.
test('a name typed in Latin letters finds it written in Arabic, and the other way round', async ({
	page
}) => {
	await page.goto('/en/members');
	await page.getByRole('searchbox').fill('Layla Haddad');
	await page.getByRole('searchbox').press('Enter');
	await expect(page.getByRole('link', { name: 'ليلى حداد' })).toBeVisible();

	await page.goto(`/ar/members?q=${encodeURIComponent('محمد الحداد')}`);
	await expect(page.getByRole('link', { name: 'Mohammed Al-Haddad' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Hélène Mbarga' })).toHaveCount(0);
});
