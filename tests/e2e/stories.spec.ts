import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { accessibilityProblems, signUpVerified, useSession } from './support.ts';

test('a new member’s story waits for a moderator, who publishes it; the feed shows it with its cover', async ({
	browser,
	page: admin
}) => {
	const writer = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signUpVerified(writer, 'Story Writer');
	await writer.goto('/en/stories');
	await writer.getByRole('link', { name: 'Write a story' }).click();
	await writer.getByLabel('Title').fill('Finding my first job in Nice');
	await writer.locator('#f-body').fill('Too short');
	const photo = await sharp({
		create: { width: 640, height: 400, channels: 3, background: '#c63' }
	})
		.jpeg()
		.toBuffer();
	await writer
		.locator('#f-cover')
		.setInputFiles({ name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: photo });
	await writer.getByRole('button', { name: 'Publish' }).click();
	await expect(writer.locator('#f-body-error')).toContainText('20 to 20,000');
	await expect(writer.getByLabel('Title')).toHaveValue('Finding my first job in Nice');
	await writer
		.locator('#f-body')
		.fill('I sent forty letters before a bakery in the old town said yes. Here is what changed.');
	await writer
		.locator('#f-cover')
		.setInputFiles({ name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: photo });
	await writer.getByLabel('What the image shows').fill('The harbour of Nice at sunset');
	await writer.getByRole('button', { name: 'Publish' }).click();
	await expect(writer.locator('main')).toContainText('A moderator reads stories of new accounts');
	const storyPath = new URL(writer.url()).pathname;

	// Nobody else sees it yet.
	const reader = await (await browser.newContext()).newPage();
	expect((await reader.goto(storyPath))?.status()).toBe(404);

	await useSession(admin);
	await admin.goto('/en/moderation');
	await admin
		.locator('.card', { hasText: 'Finding my first job' })
		.getByRole('link')
		.first()
		.click();
	await expect(admin.locator('main')).toContainText('Waiting for review');
	await admin.getByLabel('Restore it').check();
	await admin
		.getByLabel('Statement of reasons')
		.fill('A personal story about finding work: welcome, and published.');
	await admin.getByRole('button', { name: 'Record the decision' }).click();
	await expect(admin.getByRole('status')).toHaveText(/Decision recorded/);

	await reader.goto('/en/stories');
	await reader.getByRole('link', { name: 'Finding my first job in Nice' }).click();
	const cover = reader.getByRole('img', { name: 'The harbour of Nice at sunset' });
	await expect(cover).toBeVisible();
	const image = await reader.request.get(
		new URL((await cover.getAttribute('src'))!, reader.url()).href
	);
	expect(image.headers()['content-type']).toBe('image/webp');
	expect(await accessibilityProblems(reader)).toEqual([]);
});
