import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { signUpVerified } from './support.ts';

test('the JSON API applies the same visibility and search as the pages, described by OpenAPI', async ({
	request
}) => {
	const spec = await (await request.get('/api/v1/openapi.json')).json();
	expect(spec.openapi).toBe('3.1.0');
	expect(Object.keys(spec.paths)).toEqual(
		expect.arrayContaining(['/members', '/members/{id}', '/organisations', '/organisations/{id}'])
	);

	const list = await (await request.get('/api/v1/members?q=Helene&per_page=5')).json();
	expect(list.items[0].name).toBe('Hélène Mbarga');
	expect(list.items[0]).not.toHaveProperty('city'); // demo city is for members only
	expect(list).toMatchObject({ page: 1, per_page: 5 });
	const one = await request.get(`/api/v1/members/${list.items[0].id}`);
	expect((await one.json()).residence).toBe('FR');

	const arabic = await (
		await request.get(`/api/v1/members?q=${encodeURIComponent('ليلى')}`)
	).json();
	expect(arabic.items.map((i: { name: string }) => i.name)).toContain('ليلى حداد');

	const orgs = await (
		await request.get(`/api/v1/organisations?q=${encodeURIComponent('جسور')}`)
	).json();
	expect(orgs.total).toBeGreaterThanOrEqual(1);
	expect(orgs.items.map((o: { name: string }) => o.name)).toContain('جسور عمّان');
	const none = await (await request.get('/api/v1/organisations?q=zzqxnothing')).json();
	expect(none).toMatchObject({ total: 0, items: [] });
	const bad = await request.get('/api/v1/members?per_page=1000&origin=XX');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error.code).toBe('invalid_query');
	expect((await request.get('/api/v1/members/nobody-here')).status()).toBe(404);
});

test('a profile photo is resized and converted, and stripped of its location', async ({
	page,
	browser
}) => {
	await signUpVerified(page, 'Photo Person');
	await page.goto('/en/profile');
	await page.getByLabel('Everyone, also people who are not signed in').check();
	await page.locator('#vis-photo').selectOption('members');
	await page.getByRole('button', { name: 'Save my profile' }).click();
	await expect(page.getByRole('status')).toContainText('Profile saved.');

	const jpeg = await sharp({
		create: { width: 1600, height: 1200, channels: 3, background: '#2a6' }
	})
		.jpeg()
		.withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' } })
		.toBuffer();
	await page
		.locator('#f-photo')
		.setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: jpeg });
	await page.getByRole('button', { name: 'Upload the photo' }).click();
	await expect(page.getByRole('status')).toContainText('Photo saved.');
	const src = await page.locator('main img').first().getAttribute('src');
	const photo = await page.request.get(src!);
	expect(photo.headers()['content-type']).toBe('image/webp');
	const meta = await sharp(await photo.body()).metadata();
	expect(meta.width).toBe(96);
	expect(meta.exif).toBeUndefined();
	expect((await photo.body()).byteLength).toBeLessThan(30 * 1024);

	// The photo is for members: a visitor gets nothing.
	const visitor = await browser.newContext();
	expect((await visitor.request.get(new URL(src!, page.url()).href)).status()).toBe(404);
	await visitor.close();

	await page.locator('#f-photo').setInputFiles({
		name: 'cv.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.from('%PDF-1.4 not an image')
	});
	await page.getByRole('button', { name: 'Upload the photo' }).click();
	await expect(page.locator('#f-photo-error')).toContainText('not a photo we can use');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a skill typed in words filters on every ESCO concept with those words', async ({
		page
	}) => {
		await page.goto('/en/members');
		await page.locator('main details summary').first().click();
		await page.locator('#skill').fill('developer');
		await page.locator('#skill').press('Enter');
		await expect(page).toHaveURL(/skill=developer/);
		await expect(page.locator('#skill-found')).toContainText(
			/\d+ occupations and skills match, among them .*developer/
		);
		await expect(page.getByRole('link', { name: 'Mohammed Al-Haddad' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Hélène Mbarga' })).toHaveCount(0);

		// French words find the English labels too, and say what matched; a typo matches nothing.
		await page.goto('/fr/members?skill=nurse');
		await expect(page.locator('#skill-found')).toContainText('correspond');
		await expect(page.getByRole('link', { name: 'Hélène Mbarga' })).toBeVisible();
		await page.goto('/en/members?skill=engneer');
		await expect(page.locator('#skill-found')).toContainText('No occupation or skill');
		await expect(page.getByRole('link', { name: 'Mohammed Al-Haddad' })).toHaveCount(0);
	});
});
