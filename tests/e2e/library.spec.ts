import { expect, test } from '@playwright/test';
import { tinyPdf } from '../support/files.ts';
import { accessibilityProblems, signUpVerified, useSession } from './support.ts';

test('a member shares a PDF, a moderator publishes it, a visitor finds and downloads it; all without JavaScript', async ({
	browser,
	page: admin
}) => {
	const member = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signUpVerified(member, 'Library Contributor');
	await member.goto('/en/library');
	await member.getByRole('link', { name: 'Share a resource' }).click();
	await member.getByLabel('Title').fill('Checklist: the first week in Lyon');
	await member
		.getByLabel('What it is and who it helps')
		.fill('Offices to visit in the first week in Lyon, with the papers each one asks for.');
	await member.getByLabel('Papers and permits').check();
	await member.getByLabel('Arriving').check();
	await member.locator('#f-country').selectOption('FR');
	// A file that only pretends to be a PDF is refused, and nothing typed is lost.
	await member.getByLabel('A file').setInputFiles({
		name: 'checklist.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('not a pdf at all')
	});
	await member.getByRole('button', { name: 'Send for review' }).click();
	await expect(member.locator('#f-file-error')).toContainText('not one the library takes');
	await expect(member.getByLabel('Title')).toHaveValue('Checklist: the first week in Lyon');
	await expect(member.getByLabel('Papers and permits')).toBeChecked();
	await member.getByLabel('A file').setInputFiles({
		name: 'checklist.pdf',
		mimeType: 'application/pdf',
		buffer: tinyPdf('lyon')
	});
	await member.getByRole('button', { name: 'Send for review' }).click();
	await expect(member.getByRole('status')).toContainText('A moderator will read it');
	const resourcePath = new URL(member.url()).pathname;

	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	expect((await visitor.goto(resourcePath))?.status()).toBe(404);

	await useSession(admin);
	await admin.goto('/en/moderation');
	await admin.locator('.card', { hasText: 'first week in Lyon' }).getByRole('link').first().click();
	await expect(admin.locator('main')).toContainText('Shared in the library');
	await admin.getByLabel('Restore it').check();
	await admin
		.getByLabel('Statement of reasons')
		.fill('A practical checklist that follows the rules: published.');
	await admin.getByRole('button', { name: 'Record the decision' }).click();
	await expect(admin.getByRole('status')).toHaveText(/Decision recorded/);

	await visitor.goto('/en/library');
	await visitor.getByLabel('Words to search for').fill('premiere LYON');
	await visitor.getByRole('button', { name: 'Search the library' }).click();
	await expect(visitor.locator('.card')).toHaveCount(0);
	await visitor.getByLabel('Words to search for').fill('lyon checklist');
	await visitor.getByLabel('Theme').selectOption('documents');
	await visitor.getByRole('button', { name: 'Search the library' }).click();
	await visitor.getByRole('link', { name: 'Checklist: the first week in Lyon' }).click();
	await expect(visitor.locator('main')).toContainText('Papers and permits');
	const download = await visitor.request.get(`${resourcePath}/file`);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect(download.headers()['content-disposition']).toMatch(
		/^attachment; filename="checklist.pdf"/
	);
	expect(download.headers()['content-security-policy']).toContain('sandbox');
	expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
	await visitor.reload();
	await expect(visitor.locator('main')).toContainText('Downloaded once');

	const api = await visitor.request.get('/api/v1/resources?q=lyon&theme=documents');
	const items = (await api.json()).items as { id: string; file: { type: string } }[];
	expect(items.map((i) => i.id)).toEqual([resourcePath.split('/').pop()]);
	expect(items[0].file.type).toBe('application/pdf');
	expect((await visitor.request.get('/api/v1/resources?theme=nope')).status()).toBe(400);

	const reader = await (await browser.newContext()).newPage();
	await reader.goto(resourcePath);
	expect(await accessibilityProblems(reader)).toEqual([]);
});

test('the demo library has resources in four languages, with a translation linked', async ({
	page
}) => {
	await page.goto('/ar/library?language=ar');
	await page.getByRole('link', { name: /موقع مساعدة المفوضية في الأردن/ }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.getByRole('link', { name: /UNHCR Help for Jordan/ }).click();
	await expect(page.locator('main a[href="https://help.unhcr.org/jordan/en/"]')).toHaveText(
		'افتح الرابط'
	);
	for (const language of ['en', 'fr', 'es', 'ar']) {
		const api = await page.request.get(`/api/v1/resources?language=${language}`);
		expect(((await api.json()).items as unknown[]).length).toBeGreaterThan(0);
	}
});
