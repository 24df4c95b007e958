import { expect, test, type Page } from '@playwright/test';
import { signedInPage, signUpVerified } from './support.ts';

async function propose(page: Page, name: string) {
	await page.goto('/en/organisations/new');
	await page.locator('#f-name').fill(name);
	await page.locator('#f-kind').selectOption('ngo');
	await page.locator('#f-description').fill(`${name}: support for newcomers.`);
	await page.getByRole('button', { name: 'Send for approval' }).click();
	await expect(page.getByRole('status').first()).toContainText('Waiting for approval');
	return page.url().replace(/\?.*$/, '');
}

/** A service without a place (staff may add one before approval); returns its page URL. */
async function addService(page: Page, orgUrl: string, name: string) {
	await page.goto(`${orgUrl}/services`);
	await page.getByRole('link', { name: 'Add a service' }).click();
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('What the service offers').fill('Advice on papers, by phone.');
	await page.getByLabel('Documents to bring (one per line)').fill('None');
	await page.getByRole('checkbox', { name: 'Legal aid and documentation' }).check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('A curator will review it');
	await page
		.getByRole('row', { name: new RegExp(name) })
		.getByRole('link', { name, exact: true })
		.click();
	return page.url();
}

test('an administrator approves several proposed organisations at once, and a curator several services', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	// Unique per project: the same stack runs this with and without JavaScript.
	const tag = test.info().project.name === 'no-javascript' ? 'Nojs' : 'Js';
	const names = ['One', 'Two', 'Three'].map((n) => `Bulkwise ${tag} Aid ${n}`);
	await signUpVerified(page, `Bulk ${tag} Founder`);
	const urls: string[] = [];
	for (const name of names) urls.push(await propose(page, name));
	const services = [
		await addService(page, urls[0], `Bulkwise ${tag} clinic A`),
		await addService(page, urls[1], `Bulkwise ${tag} clinic B`)
	];

	const admin = await signedInPage(browser);
	await admin.goto('/en/admin/organisations');
	await admin.getByRole('button', { name: 'Approve the selected' }).click();
	await expect(admin.locator('.summary')).toContainText('Select at least one to approve.');
	await admin.getByRole('checkbox', { name: `Select ${names[0]}` }).check();
	await admin.getByRole('checkbox', { name: `Select ${names[1]}` }).check();
	await admin.getByRole('button', { name: 'Approve the selected' }).click();
	await expect(admin.getByRole('status')).toHaveText(`Approved: ${names[0]} and ${names[1]}.`);
	await expect(admin.getByRole('checkbox', { name: `Select ${names[2]}` })).toBeVisible();
	await expect(admin.getByRole('checkbox', { name: `Select ${names[0]}` })).toHaveCount(0);

	await admin.goto('/en/services/review');
	for (const letter of ['A', 'B'])
		await admin.getByRole('checkbox', { name: `Select Bulkwise ${tag} clinic ${letter}` }).check();
	await admin.getByRole('button', { name: 'Approve the selected' }).click();
	await expect(admin.getByRole('status')).toHaveText(
		`Approved: Bulkwise ${tag} clinic A and Bulkwise ${tag} clinic B.`
	);
	await admin.context().close();

	const visitor = await (await browser.newContext()).newPage();
	for (const url of [urls[0], urls[1], ...services])
		expect((await visitor.goto(url))?.status()).toBe(200);
	expect((await visitor.goto(urls[2]))?.status()).toBe(404);
	await visitor.context().close();
});
