import { expect, test } from '@playwright/test';
import { signUpVerified, useSession } from './support.ts';
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

test('an adviser fills the profile with the person, with their consent, and hands over the PDF', async ({
	page,
	browser
}) => {
	// The adviser works in an organisation (an administrator's own is approved at once).
	const adviser = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await useSession(adviser);
	await adviser.goto('/en/organisations/new');
	await adviser.locator('#f-name').fill(`Conseil ${Date.now().toString(36)}`);
	await adviser.locator('#f-kind').selectOption('ngo');
	await adviser.locator('#f-description').fill('Conseil emploi et orientation.');
	await adviser.getByLabel('Country 1', { exact: true }).selectOption('FR');
	await adviser.locator('main form button[type=submit]').click();
	// The short name the adviser gives: the organisation's address.
	const slug = new URL(adviser.url()).pathname.split('/').pop()!;

	await signUpVerified(page, 'Awa Ndiaye');
	await page.goto('/en/account/skills');
	await page.getByLabel('The organisation’s short name').fill('no-such-place');
	await page.getByRole('button', { name: 'Allow for three hours' }).click();
	await expect(page.locator('#f-consent-organisation-error')).toContainText('No organisation');
	await page.getByLabel('The organisation’s short name').fill(slug);
	await page.getByRole('button', { name: 'Allow for three hours' }).click();
	await expect(page.getByRole('status')).toContainText('may fill your profile with you');

	await adviser.goto(`/en/organisations/${slug}/skills`);
	await adviser.getByRole('link', { name: 'Awa Ndiaye' }).click();
	await expect(adviser.getByRole('heading', { level: 1 })).toHaveText(
		'Skills profile of Awa Ndiaye'
	);
	await adviser.locator('#f-language-language').selectOption('wo');
	await adviser.locator('#f-language-level').selectOption('native');
	await adviser
		.locator('section[aria-labelledby=h-language] form[method=POST] button')
		.last()
		.click();
	await expect(adviser.locator('section[aria-labelledby=h-language] table')).toContainText('Wolof');
	const pdf = await adviser.request.get(
		`/en/account/skills/skills.pdf?beside=fr&for=${new URL(adviser.url()).searchParams.get('for')}`
	);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const printed = await readPdf(await pdf.body());
	expect(printed.text).toContain('Awa Ndiaye');
	expect(printed.text).toContain('Wolof');

	// It is hers: she sees it; once she stops, the adviser no longer does.
	await page.goto('/en/account/skills');
	await expect(page.locator('section[aria-labelledby=h-language] table')).toContainText('Wolof');
	const forPath = new URL(adviser.url()).pathname + new URL(adviser.url()).search;
	await page.getByRole('button', { name: 'Stop now' }).click();
	expect((await adviser.goto(forPath))?.status()).toBe(404);
});
