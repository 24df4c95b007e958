import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { accessibilityProblems, signUpVerified } from './support.ts';

/** A new member with a saved profile (listed for members), and the address of that profile. */
async function memberWithProfile(browser: Browser, name: string, javaScriptEnabled: boolean) {
	const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
	await signUpVerified(page, name);
	await page.goto('/en/profile');
	await page.getByRole('button', { name: 'Save my profile' }).click();
	await page.getByRole('link', { name: 'See my profile' }).click();
	return { page, profile: new URL(page.url()).pathname };
}

async function write(page: Page, text: string) {
	await page.locator('#f-body').fill(text);
	await page.getByRole('button', { name: 'Send' }).click();
}

test.describe('without JavaScript', () => {
	test('two members exchange messages; unread counts, mute and a block', async ({ browser }) => {
		const amina = await memberWithProfile(browser, 'Amina Diallo', false);
		const bruno = await memberWithProfile(browser, 'Bruno Costa', false);

		// Amina writes to Bruno from his profile.
		await amina.page.goto(bruno.profile);
		await amina.page.getByRole('link', { name: 'Send a message' }).click();
		await expect(amina.page.getByRole('checkbox', { name: 'Bruno Costa' })).toBeChecked();
		await write(amina.page, '   ');
		await expect(amina.page.locator('#f-body-error')).toContainText('Write a message first');
		await write(amina.page, 'Hello **Bruno**, can you help with the CV workshop?');
		await expect(amina.page.locator('.thread li').last()).toContainText('Hello Bruno');
		await expect(amina.page.locator('.thread li strong').last()).toHaveText('Bruno');
		const conversation = amina.page.url().replace(/#.*/, '');

		// Bruno sees the count in the header, opens the conversation and answers.
		await bruno.page.goto('/en/messages');
		await expect(bruno.page.getByRole('link', { name: 'Messages, 1 new' }).first()).toBeVisible();
		await bruno.page.getByRole('link', { name: 'Amina Diallo' }).click();
		await expect(bruno.page.locator('.thread')).toContainText('can you help with the CV workshop?');
		await write(bruno.page, 'Yes, on Saturday.');
		await expect(bruno.page.locator('.thread li').last()).toContainText('Yes, on Saturday.');
		await expect(bruno.page.getByRole('link', { name: /Messages, \d new/ })).toHaveCount(0);

		// A photo goes without words; it comes back re-encoded, without its metadata.
		const photo = await sharp({
			create: { width: 800, height: 600, channels: 3, background: '#2a6' }
		})
			.jpeg()
			.withMetadata({ exif: { IFD0: { Copyright: 'where it was taken' } } })
			.toBuffer();
		await bruno.page
			.locator('#f-file')
			.setInputFiles({ name: 'flyer.jpg', mimeType: 'image/jpeg', buffer: photo });
		await bruno.page.getByRole('button', { name: 'Send' }).click();
		const image = bruno.page.getByRole('img', { name: 'Photo sent by Bruno Costa' });
		await expect(image).toBeVisible();
		const src = (await image.getAttribute('src'))!;
		const file = await bruno.page.request.get(src);
		expect(file.headers()['content-type']).toBe('image/webp');
		expect((await sharp(await file.body()).metadata()).exif).toBeUndefined();
		// Not a photo nor a PDF: refused, and the words typed are kept.
		await bruno.page.locator('#f-body').fill('The programme');
		await bruno.page.locator('#f-file').setInputFiles({
			name: 'programme.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('<html>not a pdf</html>')
		});
		await bruno.page.getByRole('button', { name: 'Send' }).click();
		await expect(bruno.page.locator('#f-file-error')).toContainText('or a PDF');
		await expect(bruno.page.locator('#f-body')).toHaveValue('The programme');

		// Amina reads the answer on reload; someone else gets nothing but "not found".
		await amina.page.goto(conversation);
		await expect(amina.page.locator('.thread')).toContainText('Yes, on Saturday.');
		await expect(amina.page.getByRole('img', { name: 'Photo sent by Bruno Costa' })).toBeVisible();
		const chen = await memberWithProfile(browser, 'Chen Wei', false);
		expect((await chen.page.goto(conversation))?.status()).toBe(404);
		expect((await chen.page.request.get(new URL(src, conversation).href)).status()).toBe(404);

		// Muted, the conversation no longer counts in Bruno's header.
		await bruno.page.goto(conversation);
		await bruno.page.getByRole('button', { name: 'Mute' }).click();
		await expect(bruno.page.getByRole('status')).toContainText('Muted');
		await write(amina.page, 'One more thing');
		await bruno.page.goto('/en/messages');
		await expect(bruno.page.getByRole('link', { name: /Messages, \d new/ })).toHaveCount(0);

		// Bruno blocks Amina: neither writes to the other, and her profile is gone for him.
		await bruno.page.goto(amina.profile);
		await bruno.page.getByRole('button', { name: 'Block' }).click();
		await expect(
			bruno.page.getByRole('listitem').filter({ hasText: 'Amina Diallo' })
		).toBeVisible();
		await amina.page.goto(conversation);
		await expect(amina.page.locator('main')).toContainText('No more messages can be sent');
		await expect(amina.page.locator('#f-body')).toHaveCount(0);
		expect((await amina.page.goto(bruno.profile))?.status()).toBe(404);
		for (const p of [amina, bruno, chen]) await p.page.context().close();
	});
});

test('a message arrives live in the other member’s open conversation', async ({ browser }) => {
	const lina = await memberWithProfile(browser, 'Lina Haddad', true);
	const omar = await memberWithProfile(browser, 'Omar Said', true);
	await lina.page.goto(omar.profile);
	await lina.page.getByRole('link', { name: 'Send a message' }).click();
	await write(lina.page, 'Are you coming to the meeting?');
	const conversation = lina.page.url().replace(/#.*/, '');
	await omar.page.goto(conversation);
	await expect(omar.page.locator('.thread li')).toHaveCount(1);
	// Omar starts typing; Lina's next message appears without a reload, and his text stays.
	await omar.page.locator('#f-body').fill('I am writing…');
	await write(lina.page, 'It starts at six.');
	await expect(omar.page.locator('.thread li').last()).toContainText('It starts at six.', {
		timeout: 10_000
	});
	await expect(omar.page.locator('#f-body')).toHaveValue('I am writing…');
	expect(await accessibilityProblems(omar.page)).toEqual([]);
	await lina.page.context().close();
	await omar.page.context().close();
});
