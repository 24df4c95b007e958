import { expect, test } from '@playwright/test';
import { approvedOrganisation } from './services-manage.ts';
import { accessibilityProblems } from './support.ts';

// Runs with JavaScript and without (both projects): places are found by name, in any of the
// four languages, without coordinates typed by anyone.

test('a town typed as the place, or among the words, sorts services by distance from it', async ({
	page
}, info) => {
	// Villeurbanne has no service of its own: the Lyon ones, a few kilometres away, come first.
	await page.goto('/fr/services');
	await page.getByLabel('Ville').fill('villeurbanne');
	await page.getByRole('button', { name: 'Rechercher' }).click();
	await expect(page.getByText('Près de Villeurbanne')).toBeVisible();
	await expect(page.locator('.cards li').first()).toContainText('km');

	// "Lyon" under Words is the place; the words left search as words.
	await page.goto('/en/services?q=Lyon');
	await expect(page.getByText('Near Lyon')).toBeVisible();
	await expect(page.getByLabel('Town or city')).toHaveValue('Lyon');
	await expect(page.locator('.cards li').first()).toContainText('km');

	// In Arabic, by the town's Arabic name.
	await page.goto('/ar/services?place=' + encodeURIComponent('ليون'));
	await expect(page.getByText('قرب ليون')).toBeVisible();
	// axe runs as a script: only where scripts run.
	if (info.project.use.javaScriptEnabled !== false)
		expect(await accessibilityProblems(page)).toEqual([]);
});

test('an unknown place lists nothing, and offers the towns it may have meant', async ({ page }) => {
	await page.goto('/en/services?place=Marseile&need=legal');
	await expect(page.locator('.notice')).toContainText('We do not know the place “Marseile”.');
	await expect(page.locator('.cards')).toHaveCount(0);
	await page.getByRole('link', { name: 'Marseille (FR)' }).first().click();
	await expect(page).toHaveURL(/place=Marseille/);
	await expect(page).toHaveURL(/need=legal/);
	await expect(page.getByText('Near Marseille')).toBeVisible();
});

test('a provider adds a place by its address alone or with decimal commas; a misspelt town is refused', async ({
	browser,
	page
}, info) => {
	const name = `Villeurbanne welcome ${info.project.name} ${Date.now().toString(36)}`;
	const { url } = await approvedOrganisation(browser, page, 'Place Provider', name);
	await page.goto(url);
	await page.getByRole('link', { name: 'Manage your organisation’s services' }).click();
	await page.getByRole('link', { name: 'Add a place' }).click();
	await expect(page.getByLabel('Time zone')).toHaveValue('');
	await page.getByLabel('Name of the place').fill('Welcome desk');
	await page.getByLabel('Street address').fill('1 cours Émile Zola');
	await page.getByLabel('Town or city').fill('Villeurbane');
	await page.getByLabel('Postal code').fill('69100');
	await page.getByLabel('Country').selectOption('FR');
	await page.getByRole('button', { name: 'Save' }).click();
	// A misspelt town cannot be placed: the form says so and keeps what was typed.
	await expect(page.locator('.summary')).toContainText('We do not know this town');
	await expect(page.getByLabel('Street address')).toHaveValue('1 cours Émile Zola');
	await page.getByLabel('Town or city').fill('Villeurbanne');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Place saved.');
	// Decimal commas are coordinates too.
	await page.getByRole('link', { name: 'Add a place' }).click();
	await page.getByLabel('Name of the place').fill('Second desk');
	await page.getByLabel('Street address').fill('2 rue Francis de Pressensé');
	await page.getByLabel('Town or city').fill('Villeurbanne');
	await page.getByLabel('Country').selectOption('FR');
	await page.getByLabel('Latitude').fill('45,7712');
	await page.getByLabel('Longitude').fill('4,8800');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Place saved.');
});
