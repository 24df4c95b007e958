import { expect, type Browser, type Page } from '@playwright/test';
import { accessibilityProblems, signedInPage, signUpVerified } from './support.ts';

/** A member proposes an organisation and an administrator approves it; returns its page URL. */
export async function approvedOrganisation(
	browser: Browser,
	page: Page,
	person: string,
	name: string
) {
	const { email } = await signUpVerified(page, person);
	await page.goto('/en/organisations/new');
	await page.locator('#f-name').fill(name);
	await page.locator('#f-kind').selectOption('ngo');
	await page.locator('#f-description').fill(`${name}: support for newcomers.`);
	await page.getByRole('button', { name: 'Send for approval' }).click();
	await expect(page.getByRole('status').first()).toContainText('Waiting for approval');
	const url = page.url().replace(/\?.*$/, '');
	const admin = await signedInPage(browser);
	await admin.goto(url);
	await admin.getByRole('button', { name: 'Approve' }).click();
	await admin.context().close();
	return { url, email };
}

/** Staff add a place and a service through the forms; a curator approves it. Returns the service URL. */
export async function publishedService(browser: Browser, page: Page, orgUrl: string, name: string) {
	await page.goto(orgUrl);
	await page.getByRole('link', { name: 'Manage your organisation’s services' }).click();
	await page.getByRole('link', { name: 'Add a place' }).click();
	expect(await accessibilityProblems(page)).toEqual([]);
	await page.getByLabel('Name of the place').fill('Lyon night centre');
	await page.getByLabel('Street address').fill('12 quai Perrache');
	await page.getByLabel('Town or city').fill('Lyon');
	await page.getByLabel('Postal code').fill('69002');
	await page.getByLabel('Country').selectOption('FR');
	await page.getByLabel('Latitude').fill('45.7485');
	await page.getByLabel('Longitude').fill('4.8262');
	await page.getByLabel('Time zone').selectOption('Europe/Paris');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Place saved.');

	await page.getByRole('link', { name: 'Add a service' }).click();
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page
		.getByLabel('What the service offers')
		.fill('Beds for the night, a hot meal and a shower.');
	await page.getByRole('button', { name: 'Save' }).click();
	// No need chosen: the form says what is missing and keeps what was typed.
	await expect(page.locator('.summary')).toContainText('Choose one to five needs');
	expect(await accessibilityProblems(page)).toEqual([]);
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
	await page.getByLabel('Documents to bring (one per line)').fill('None');
	await page.getByRole('checkbox', { name: 'Housing and shelter' }).check();
	await page.getByRole('checkbox', { name: 'Arabic' }).check();
	await page.getByRole('checkbox', { name: 'French' }).check();
	await page.getByRole('checkbox', { name: 'Free of charge' }).check();
	await page.getByRole('checkbox', { name: /Lyon night centre/ }).check();
	// Open overnight every day: closing earlier than opening.
	for (const day of [
		'Monday',
		'Tuesday',
		'Wednesday',
		'Thursday',
		'Friday',
		'Saturday',
		'Sunday'
	]) {
		await page.getByLabel(`Opens ${day}`).fill('20:00');
		await page.getByLabel(`Closes ${day}`).fill('08:00');
	}
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('A curator will review it');
	const row = page.getByRole('row', { name: new RegExp(name) });
	await expect(row).toContainText('Awaiting review');
	expect(await accessibilityProblems(page)).toEqual([]);
	await row.getByRole('link', { name, exact: true }).click();
	const serviceUrl = page.url();

	const visitor = await (await browser.newContext()).newPage();
	expect((await visitor.goto(serviceUrl))?.status()).toBe(404);

	const curator = await signedInPage(browser);
	await curator.goto('/en/services/review');
	const item = curator.locator('section.review', { hasText: name });
	await item.getByRole('button', { name: 'Approve and publish' }).click();
	await expect(curator.getByRole('status')).toHaveText('Decision recorded.');
	await curator.context().close();

	expect((await visitor.goto(serviceUrl))?.status()).toBe(200);
	await visitor.goto('/en/services?need=housing&place=Lyon');
	await expect(visitor.getByRole('link', { name })).toBeVisible();
	// The organisation's page lists it for everyone.
	await visitor.goto(orgUrl);
	await expect(visitor.getByRole('link', { name })).toBeVisible();
	await visitor.context().close();
	return serviceUrl;
}
