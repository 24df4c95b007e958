import { expect, test } from '@playwright/test';
import { signUpVerified } from './support.ts';

test('edit a profile without JavaScript, choose who sees what, and be found by another member only', async ({
	page,
	browser
}) => {
	const me = await signUpVerified(page, 'Samira Haddou');
	await page.goto('/en/profile');
	await page.locator('#f-headline').fill('Pharmacist and volunteer interpreter');
	await page.locator('#f-residence').selectOption('BE');
	await page.locator('#f-city').fill('Liège');
	await page.locator('#vis-city').selectOption('nobody');
	await page.locator('#f-origin-0').selectOption('DZ');
	await page.locator('#vis-origin').selectOption('public');
	await page.locator('#f-language-0').selectOption('ar');
	await page.locator('#f-level-0').selectOption('native');
	await page.locator('#f-interests').fill('pharmacy, chess');
	await page
		.locator('#f-bio')
		.fill('I help **newcomers** with medicines. <script>alert(1)</script>');
	await page.getByLabel('Members who are signed in').check();
	await page.getByRole('button', { name: 'Save my profile' }).click();
	await expect(page.getByRole('status')).toContainText('Profile saved.');

	await page.getByRole('link', { name: 'See my profile' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samira Haddou');
	await expect(page.locator('.prose strong')).toHaveText('newcomers');
	await expect(page.locator('.prose script')).toHaveCount(0);
	await expect(page.getByText('Liège')).toBeVisible();
	// Her own view speaks to her, and says who sees each line.
	await expect(page.locator('dl.facts')).toContainText('Country where you live');
	await expect(page.locator('dl.facts dd', { hasText: 'Algeria' })).toContainText(
		'Shown to: Everyone'
	);
	await expect(page.locator('main .notice')).toContainText('Shown to: Members only');
	const profileUrl = page.url();

	// Another member finds her by name (with a typo-free accent-less query) but not by the hidden city.
	const other = await browser.newContext({ javaScriptEnabled: false });
	const otherPage = await other.newPage();
	await signUpVerified(otherPage, 'Jorge Ramírez');
	await otherPage.goto('/en/members?q=samira+haddou');
	await expect(otherPage.getByRole('link', { name: 'Samira Haddou' })).toBeVisible();
	// … and by her name written in Arabic script.
	await otherPage.goto(`/ar/members?q=${encodeURIComponent('سميرة حدو')}`);
	await expect(otherPage.getByRole('link', { name: 'Samira Haddou' })).toBeVisible();
	await otherPage.goto('/en/members?q=liege');
	await expect(otherPage.getByRole('link', { name: 'Samira Haddou' })).toHaveCount(0);
	await otherPage.goto(profileUrl);
	await expect(otherPage.getByText('Pharmacist and volunteer interpreter')).toBeVisible();
	await expect(otherPage.getByText('Liège')).toHaveCount(0);
	// Others read about her, in the third person, and nothing about who sees what.
	await expect(otherPage.locator('dl.facts')).toContainText('Comes from');
	await expect(otherPage.locator('dl.facts')).not.toContainText('where you live');
	await expect(otherPage.locator('main')).not.toContainText('Shown to');

	// A visitor cannot see a members-only profile at all.
	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	const response = await visitor.goto(profileUrl);
	expect(response?.status()).toBe(404);
	await visitor.goto('/en/members?q=samira');
	await expect(visitor.getByRole('link', { name: 'Samira Haddou' })).toHaveCount(0);
	await other.close();
	void me;
});

test('bad profile input is refused with a message and nothing changes', async ({ page }) => {
	await signUpVerified(page, 'Ana Lima');
	await page.goto('/en/profile');
	await page.locator('#f-link-url-0').fill('javascript:alert(1)');
	await page.getByRole('button', { name: 'Save my profile' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter a full web address');
	await page.goto('/en/profile');
	await expect(page.locator('#f-link-url-0')).toHaveValue('');
});

test('a French reader finds skills on a platform with English ESCO labels only, and is told why', async ({
	page
}) => {
	await signUpVerified(page, 'Inès Fabre', 'a sturdy passphrase', 'fr');
	await page.goto('/fr/profile?esco=nurse');
	const found = page.getByRole('checkbox', { name: 'nurse responsible for general care' });
	await expect(found).toBeVisible();
	await expect(page.locator('label.check', { has: found })).toHaveAttribute('lang', 'en');
	await expect(page.locator('main')).toContainText('Certains sont en anglais');
});

test('searching for a skill keeps what was typed in the profile and not yet saved', async ({
	page
}) => {
	await signUpVerified(page, 'Olu Adeyemi');
	await page.goto('/en/profile');
	await page.locator('#f-headline').fill('Nurse and community health volunteer');
	await page.locator('#f-city').fill('Leeds');
	await page.locator('#esco').fill('nurse');
	await page.locator('#esco').press('Enter');
	const nurse = page.getByRole('checkbox', { name: 'nurse responsible for general care' });
	await expect(nurse).toBeVisible();
	// Nothing was saved, nothing was lost.
	await expect(page.locator('#f-headline')).toHaveValue('Nurse and community health volunteer');
	await expect(page.locator('#f-city')).toHaveValue('Leeds');
	await expect(page.getByRole('status')).toHaveCount(0);
	await nurse.check();
	await page.locator('#esco').fill('midwife');
	await page.getByRole('button', { name: 'Search' }).click();
	// The skill ticked before the second search is still ticked.
	await expect(
		page.getByRole('checkbox', { name: 'nurse responsible for general care' })
	).toBeChecked();
	await page.getByRole('button', { name: 'Save my profile' }).click();
	await expect(page.getByRole('status')).toContainText('Profile saved.');
	await page.getByRole('link', { name: 'See my profile' }).click();
	await expect(page.locator('dl.facts')).toContainText('nurse responsible for general care');
	await expect(page.locator('main')).toContainText('Nurse and community health volunteer');
});
