import { expect, test } from '@playwright/test';
import { approvedOrganisation } from './services-manage.ts';
import { accessibilityProblems, signedInPage } from './support.ts';

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
	// A map of the page's services around Lyon, numbered as the list; each number opens its service.
	const map = page.locator('figure.services-map');
	await expect(map.locator('figcaption')).toContainText('around Lyon');
	await expect(map.locator('svg text', { hasText: 'Lyon' }).first()).toBeAttached();
	const first = page.locator('.cards li').first();
	await expect(first.locator('.pin-n')).toHaveText('1');
	const firstName = (await first.locator('a strong').textContent())!;
	await map.locator('a[aria-label^="1. "]').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstName);

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

	// A service there closes for lunch on Mondays: two openings that day, shown as two ranges.
	const service = `${name} papers desk`;
	await page.getByRole('link', { name: 'Add a service' }).click();
	await page.getByLabel('Name', { exact: true }).fill(service);
	await page.getByLabel('What the service offers').fill('Help with papers; closed at lunch.');
	await page.getByLabel('Documents to bring (one per line)').fill('None');
	await page.getByRole('checkbox', { name: 'Legal aid and documentation' }).check();
	await page.getByRole('checkbox', { name: /Welcome desk/ }).check();
	await page.getByLabel('Opens Monday').fill('09:00');
	await page.getByLabel('Closes Monday').fill('12:00');
	await page.getByLabel('Opens again Monday').fill('11:00');
	await page.getByLabel('Closes again Monday').fill('17:30');
	await page.getByRole('button', { name: 'Save' }).click();
	// Overlapping openings are refused, with what was typed kept.
	await expect(page.locator('.summary')).toContainText('a second opening starts after the first');
	await expect(page.getByLabel('Closes again Monday')).toHaveValue('17:30');
	await page.getByLabel('Opens again Monday').fill('14:00');
	// A day with its own hours that run backwards is refused, with what was typed kept.
	await page
		.getByLabel('Closed days and special hours')
		.fill('2027-01-01\n2027-08-02 – 2027-08-20\n2027-12-24 13:00-09:00');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('.summary')).toContainText('one or two openings of that day in order');
	await expect(page.getByLabel('Closed days and special hours')).toHaveValue(
		/2027-12-24 13:00-09:00/
	);
	await page
		.getByLabel('Closed days and special hours')
		.fill('2027-01-01\n2027-08-02 – 2027-08-20\n2027-12-24 09:00-13:00');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('A curator will review it');
	await page
		.getByRole('row', { name: new RegExp(service) })
		.getByRole('link', { name: service, exact: true })
		.click();
	const serviceUrl = page.url();
	const curator = await signedInPage(browser);
	await curator.goto('/en/services/review');
	await curator
		.locator('section.review', { hasText: service })
		.getByRole('button', { name: 'Approve and publish' })
		.click();
	await curator.context().close();
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto(serviceUrl);
	await expect(visitor.locator('main')).toContainText('09:00–12:00');
	await expect(visitor.locator('main')).toContainText('14:00–17:30');
	await expect(visitor.locator('main')).toContainText(/Closed on: .*2027/);
	await expect(visitor.locator('main')).toContainText('Special hours on these dates');
	await expect(visitor.locator('main li', { hasText: 'Dec 24, 2027' })).toContainText(
		'09:00–13:00'
	);
	await visitor.context().close();
});

test('a provider places a place with clicks on a map of its town, without typing coordinates', async ({
	browser,
	page
}, info) => {
	const name = `Map placed ${info.project.name} ${Date.now().toString(36)}`;
	const { url } = await approvedOrganisation(browser, page, 'Map Provider', name);
	await page.goto(url);
	await page.getByRole('link', { name: 'Manage your organisation’s services' }).click();
	await page.getByRole('link', { name: 'Add a place' }).click();
	// The map opens around the town: without one it says so.
	await page.getByRole('button', { name: 'Show the map of the town' }).click();
	await expect(page.locator('.summary')).toContainText('Type the town first');
	await page.getByLabel('Name of the place').fill('Mapped desk');
	await page.getByLabel('Street address').fill('5 place Lazare Goujon');
	await page.getByLabel('Town or city').fill('Villeurbanne');
	await page.getByLabel('Country').selectOption('FR');
	await page.getByRole('button', { name: 'Show the map of the town' }).click();
	const map = page.getByRole('button', { name: /Map of the towns around the place/ });
	await expect(map).toBeVisible();
	await expect(page.getByLabel('Latitude')).toHaveValue('');
	// The image is the towns around, drawn on the server.
	const image = await page.request.get(new URL((await map.getAttribute('src'))!, page.url()).href);
	expect(image.headers()['content-type']).toContain('image/svg+xml');
	expect(await image.text()).toContain('>Lyon<');

	// A click east of the centre (Villeurbanne, 4.88° E) sets the position there and closes in.
	await map.click({ position: { x: 180, y: 100 } });
	await expect(page.getByRole('status')).toContainText('Placed at');
	const latitude = Number(await page.getByLabel('Latitude').inputValue());
	const longitude = Number(await page.getByLabel('Longitude').inputValue());
	expect(latitude).toBeCloseTo(45.766, 1);
	expect(longitude).toBeGreaterThan(4.895);
	expect(longitude).toBeLessThan(4.93);
	// A second click, closer in, moves it less; what was typed stays.
	await map.click({ position: { x: 160, y: 100 } });
	const second = Number(await page.getByLabel('Longitude').inputValue());
	expect(second - longitude).toBeGreaterThan(0);
	expect(second - longitude).toBeLessThan(0.01);
	await expect(page.getByLabel('Name of the place')).toHaveValue('Mapped desk');
	await page.getByRole('button', { name: 'Wider view' }).click();
	await expect(map).toBeVisible();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Place saved.');
	await page.getByRole('link', { name: 'Mapped desk' }).click();
	await expect(page.getByLabel('Longitude')).toHaveValue(String(second));
	// A place with coordinates opens its map around them, marked.
	expect(await map.getAttribute('src')).toContain('mark=1');
});
