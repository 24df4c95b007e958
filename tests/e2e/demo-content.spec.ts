import { expect, test } from '@playwright/test';
import { startExtraInstance } from './stack/extra-instance.ts';

// On an instance of its own: removing the examples must not take them from the other specs.
const ADMIN = {
	email: 'demo-admin@e2e.example.org',
	name: 'Dana Admin',
	password: 'demo admin passphrase'
};

test('example content is marked everywhere, and an administrator removes all of it', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const port = test.info().project.name === 'no-javascript' ? 3195 : 3196;
	const url = `http://127.0.0.1:${port}`;
	const instance = await startExtraInstance(
		{ SEED_DEMO: 'true', ORIGIN: url },
		{ port, admin: ADMIN }
	);
	try {
		// A visitor sees the marks on the home page, an organisation, a service and a member.
		await page.goto(`${url}/en`);
		await expect(page.locator('main .badge.demo').first()).toHaveText('Example');
		await page.goto(`${url}/fr/organisations/jusoor-amman`);
		await expect(page.locator('.demo-notice')).toContainText('Cette organisation est un exemple');
		await page.locator('main a[href*="/services/"]').first().click();
		await expect(page.locator('.demo-notice')).toContainText('Ce service est un exemple');
		await page.goto(`${url}/ar/members`);
		await expect(page.locator('main .badge.demo').first()).toHaveText('مثال');
		const api = await (
			await request.get(`${url}/api/v1/organisations?q=${encodeURIComponent('جسور')}`)
		).json();
		expect(api.items[0]).toMatchObject({ slug: 'jusoor-amman', demo: true });
		const hsds = await (await request.get(`${url}/api/hsds/organizations`)).json();
		expect(hsds.contents.every((o: { demo?: boolean }) => o.demo === true)).toBe(true);

		// The administrator is reminded, sees what will go, must confirm, and removes it.
		await page.goto(`${url}/en/sign-in`);
		await page.locator('#f-email').fill(ADMIN.email);
		await page.locator('#f-password').fill(ADMIN.password);
		await page.locator('main form button[type=submit]').first().click();
		await expect(page).toHaveURL(/\/en\/account/);
		await expect(page.locator('.demo-banner')).toContainText('Example people');
		await page.locator('.demo-banner a').click();
		await expect(page.locator('h1')).toHaveText('Example content');
		await expect(page.locator('dl.facts')).toContainText('Example organisations');
		await page.getByRole('button', { name: 'Remove the example content' }).click();
		await expect(page.locator('.error').first()).toContainText('Tick the box');
		await page.getByLabel('I understand that this removes all of the above for good.').check();
		await page.getByRole('button', { name: 'Remove the example content' }).click();
		await expect(page.getByRole('status').first()).toContainText(
			'The example content has been removed.'
		);
		await expect(page.locator('main')).toContainText('There is no example content left');

		await page.goto(`${url}/en`);
		await expect(page.locator('.demo-banner')).toHaveCount(0);
		await expect(page.locator('main .badge.demo')).toHaveCount(0);
		expect((await request.get(`${url}/en/organisations/jusoor-amman`)).status()).toBe(404);
		const after = await (
			await request.get(`${url}/api/v1/organisations?q=${encodeURIComponent('جسور')}`)
		).json();
		expect(after.items).toHaveLength(0);
		// The administrator's own account is still there.
		await page.goto(`${url}/en/account`);
		await expect(page.locator('main')).toContainText(ADMIN.name);
	} finally {
		await instance.stop();
	}
});
