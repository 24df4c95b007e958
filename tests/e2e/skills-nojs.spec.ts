import { expect, test } from '@playwright/test';
import { signUpVerified } from './support.ts';
import { readPdf } from '../support/pdf.ts';

test('fill a skills profile without JavaScript and take it away as a two-language PDF', async ({
	page
}) => {
	await signUpVerified(page, 'Amadou Sow');
	await page.goto('/en/account');
	await page.getByRole('link', { name: /skills profile/i }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your skills profile');

	// An occupation and a skill, found in ESCO by a word.
	await page.locator('#f-find-occupation').fill('nurse');
	await page.locator('#h-occupation ~ form button', { hasText: 'Find' }).first().click();
	const nurse = page.getByRole('button', { name: 'Add: nurse responsible for general care' });
	await nurse.click();
	await expect(page.locator('section[aria-labelledby=h-occupation] table')).toContainText(
		'nurse responsible for general care'
	);
	await page.locator('#f-find-skill').fill('patient');
	await page.locator('section[aria-labelledby=h-skill] form[method=GET] button').click();
	await page.locator('section[aria-labelledby=h-skill] ul button').first().click();
	await expect(page.locator('section[aria-labelledby=h-skill] table tbody tr')).toHaveCount(1);

	// Work experience: a month that is not one is refused, and what was typed is kept.
	await page.locator('#f-experience-title').fill('Aide-soignant');
	await page.locator('#f-experience-place').fill('Hôpital Principal de Dakar');
	await page.locator('#f-experience-country').selectOption('SN');
	await page.locator('#f-experience-started').fill('2018-13');
	await page
		.locator('section[aria-labelledby=h-experience] form[method=POST] button')
		.last()
		.click();
	await expect(page.locator('#f-experience-started-error')).toContainText('YYYY-MM');
	await expect(page.locator('#f-experience-title')).toHaveValue('Aide-soignant');
	await page.locator('#f-experience-started').fill('2018-03');
	await page.locator('#f-experience-ended').fill('2023-06');
	await page
		.locator('section[aria-labelledby=h-experience] form[method=POST] button')
		.last()
		.click();
	await expect(page.locator('section[aria-labelledby=h-experience] table')).toContainText(
		'Hôpital Principal de Dakar'
	);

	await page.locator('#f-language-language').selectOption('fr');
	await page.locator('#f-language-level').selectOption('C1');
	await page.locator('section[aria-labelledby=h-language] form[method=POST] button').last().click();
	await expect(page.locator('section[aria-labelledby=h-language] table')).toContainText('C1');

	// Beside English: Arabic, then the PDF of both.
	await page.locator('#f-beside').selectOption('ar');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.locator('section[aria-labelledby=h-experience] td[lang=ar]')).toContainText(
		'السنغال'
	);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download as a PDF, in both languages' }).click()
	]);
	expect(download.suggestedFilename()).toBe('skills-profile-en-ar.pdf');
	const bytes = await (await download.createReadStream()).toArray();
	const pdf = await readPdf(Buffer.concat(bytes));
	expect(pdf).toMatchObject({ pages: 1, lang: 'en' });
	const text = pdf.text.replace(/\n/g, ' ');
	for (const t of [
		'Skills profile',
		'Amadou Sow',
		'nurse responsible for general care',
		'Aide-soignant · Hôpital Principal de Dakar · Senegal · 2018-03 – 2023-06',
		'French · C1'
	])
		expect(text).toContain(t);
	// The Arabic column is there too, in Arabic letters.
	expect(text).toMatch(/[\u0600-\u06FF]{3}/u);

	// Someone else cannot fetch it.
	const other = await page.context().browser()!.newContext({ javaScriptEnabled: false });
	const response = await other.request.get('/en/account/skills/skills.pdf', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	await other.close();
});
