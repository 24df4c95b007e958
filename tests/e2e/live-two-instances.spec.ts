import { expect, test, type Browser } from '@playwright/test';
import { signUpVerified } from './support.ts';
import { startExtraInstance } from './stack/extra-instance.ts';

// A second instance of the platform on the same PostgreSQL as the stack's (E2E_DATABASE_URL): a
// message sent through one instance arrives live in a browser connected to the other (LISTEN/
// NOTIFY, messages/live.ts). Only with PostgreSQL: the embedded database is one process's.
const url = process.env.E2E_DATABASE_URL;
// Not the extra instance's usual port: specs using it may run beside this one.
const PORT = 3196;
const SECOND = `http://localhost:${PORT}`;

test.describe('two instances on one PostgreSQL', () => {
	test.skip(!url, 'needs E2E_DATABASE_URL (the PostgreSQL run of the flows)');
	let second: Awaited<ReturnType<typeof startExtraInstance>> | undefined;

	test.beforeAll(async () => {
		second = await startExtraInstance(
			{ DATABASE_URL: url!, ORIGIN: SECOND, RATE_LIMIT: 'false' },
			{ port: PORT }
		);
	});
	test.afterAll(async () => {
		await second?.stop();
	});

	async function member(browser: Browser, name: string) {
		const page = await (await browser.newContext()).newPage();
		await signUpVerified(page, name);
		await page.goto('/en/profile');
		await page.getByRole('button', { name: 'Save my profile' }).click();
		await page.getByRole('link', { name: 'See my profile' }).click();
		return { page, profile: new URL(page.url()).pathname };
	}

	test('a message sent through one instance arrives live in a browser on the other', async ({
		browser
	}) => {
		const sender = await member(browser, 'Sender On One');
		const reader = await member(browser, 'Reader On Two');
		await sender.page.goto(reader.profile);
		await sender.page.getByRole('link', { name: 'Send a message' }).click();
		await sender.page.locator('#f-body').fill('First, through the first instance.');
		await sender.page.getByRole('button', { name: 'Send' }).click();
		const conversation = new URL(sender.page.url()).pathname;
		// The reader's session is in the shared database; cookies follow the host, not the port.
		await reader.page.goto(`${SECOND}${conversation}`);
		await expect(reader.page.locator('.thread li')).toHaveCount(1);
		await sender.page.locator('#f-body').fill('Second, live across instances.');
		await sender.page.getByRole('button', { name: 'Send' }).click();
		await expect(reader.page.locator('.thread li').last()).toContainText(
			'Second, live across instances.',
			{ timeout: 10_000 }
		);
		expect(new URL(reader.page.url()).port).toBe(String(PORT));
	});
});
