import { expect, test, type Browser } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { accessibilityProblems, signUpVerified } from './support.ts';

async function member(browser: Browser, name: string, javaScriptEnabled = false) {
	const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
	await signUpVerified(page, name);
	return page;
}

test('a community: started, joined, discussed, pinned, searched, followed by feed, and moderated by its own moderator', async ({
	browser
}) => {
	test.slow();
	const rania = await member(browser, 'Rania Founder', true);
	const samuel = await member(browser, 'Samuel Joiner');

	// Rania starts a public community; a bad name is refused with what she typed kept.
	await rania.goto('/en/communities');
	await rania.getByRole('link', { name: 'Start a community' }).click();
	await rania.getByLabel('Name').fill('X');
	await rania.getByLabel('What it is about').fill('For people from Eritrea living in Italy.');
	await rania.getByRole('button', { name: 'Create the community' }).click();
	await expect(rania.locator('#f-name-error')).toContainText('3 to 80 characters');
	await expect(rania.getByLabel('What it is about')).toHaveValue(
		'For people from Eritrea living in Italy.'
	);
	await rania.getByLabel('Name').fill('Eritreans in Milan');
	await rania.getByLabel('Country', { exact: true }).selectOption('ER');
	await rania.getByRole('button', { name: 'Create the community' }).click();
	await expect(rania.getByRole('heading', { level: 1 })).toHaveText('Eritreans in Milan');
	await expect(rania.getByRole('status')).toContainText('Your community is open');
	const home = new URL(rania.url()).pathname;
	expect(await accessibilityProblems(rania)).toEqual([]);

	await rania.getByRole('link', { name: 'New thread' }).click();
	await rania.getByLabel('Title').fill('Where to renew a passport');
	await rania.locator('#f-body').fill('The consulate takes appointments on **Tuesdays**.');
	await rania.getByRole('button', { name: 'Publish' }).click();
	await expect(rania.getByRole('heading', { level: 1 })).toHaveText('Where to renew a passport');
	const thread = new URL(rania.url()).pathname;
	expect(await accessibilityProblems(rania)).toEqual([]);

	// Samuel reads without joining, joins, and replies; Rania is told.
	await samuel.goto(thread);
	await expect(samuel.locator('article')).toContainText('Tuesdays');
	await expect(samuel.locator('main')).toContainText('Join the community to reply.');
	await samuel.goto(home);
	await samuel.getByRole('button', { name: 'Join' }).click();
	await expect(samuel.getByRole('status')).toHaveText('You joined this community.');
	await samuel.goto(thread);
	await samuel.locator('#f-body').fill('   ');
	await samuel.getByRole('button', { name: 'Reply' }).click();
	await expect(samuel.locator('#f-body-error')).toHaveText('Write something first.');
	await samuel.locator('#f-body').fill('Also on Thursday mornings since May.');
	await samuel.getByRole('button', { name: 'Reply' }).click();
	await expect(samuel.locator('.thread li').last()).toContainText('Thursday mornings');
	await samuel.goto(home);
	await samuel.getByRole('link', { name: 'New thread' }).click();
	await samuel.getByLabel('Title').fill('Cheap Italian lessons');
	await samuel.locator('#f-body').fill('Buy my course at a discount, write to me!');
	await samuel.getByRole('button', { name: 'Publish' }).click();
	await rania.goto('/en/account/notifications');
	await expect(rania.locator('main')).toContainText('New replies in a community thread');

	// Rania pins her thread: it comes first although Samuel's is newer; search finds the reply.
	await rania.goto(thread);
	await rania.getByRole('button', { name: 'Pin' }).click();
	await expect(rania.getByRole('status')).toHaveText('The thread is pinned at the top.');
	await samuel.goto(home);
	await expect(samuel.locator('.cards h3').first()).toContainText('Where to renew a passport');
	await expect(samuel.locator('.cards h3').first()).toContainText('Pinned');
	await samuel.getByLabel('Search in this community').fill('thursday');
	await samuel.getByRole('button', { name: 'Search' }).click();
	await expect(samuel.locator('.cards h3')).toHaveCount(1);

	// The Atom feed lists both threads.
	const feed = await samuel.request.get(`${home}/feed.atom`);
	expect(feed.headers()['content-type']).toContain('application/atom+xml');
	const parsed = new XMLParser().parse(await feed.text()).feed;
	expect(parsed.entry.map((e: { title: string }) => e.title).sort()).toEqual([
		'Cheap Italian lessons',
		'Where to renew a passport'
	]);

	// Tomas, a reader, reports Samuel's advert; Rania, the community's moderator, hides it from
	// her part of the queue.
	const tomas = await member(browser, 'Tomas Reader');
	await tomas.goto(home);
	await tomas.getByRole('link', { name: 'Cheap Italian lessons' }).click();
	await tomas.getByRole('link', { name: 'Report' }).click();
	await tomas.getByLabel('Spam or advertising').check();
	await tomas.getByRole('button', { name: 'Send the report' }).click();
	await expect(tomas.getByRole('heading', { level: 1 })).toHaveText('Thank you for your report');
	await rania.goto(`${home}/manage`);
	await rania.getByRole('link', { name: 'Reports about this community' }).click();
	await rania
		.locator('.card', { hasText: 'Cheap Italian lessons' })
		.getByRole('link')
		.first()
		.click();
	// A community moderator may hide, not suspend.
	await expect(rania.getByLabel('Suspend the author and hide it')).toHaveCount(0);
	await rania.getByLabel('Hide it', { exact: true }).check();
	await rania
		.getByLabel('Statement of reasons')
		.fill('Selling courses is advertising, which this community does not allow.');
	await rania.getByRole('button', { name: 'Record the decision' }).click();
	await expect(rania.getByRole('status')).toHaveText(/Decision recorded/);
	await tomas.goto(home);
	await expect(tomas.locator('main')).not.toContainText('Cheap Italian lessons');
	await samuel.goto(home);
	await expect(samuel.locator('main')).toContainText('Cheap Italian lessons');
});

test('an invite-only community is joined with its link only', async ({ browser }) => {
	const owner = await member(browser, 'Circle Keeper');
	const guest = await member(browser, 'Invited Guest');
	await owner.goto('/en/communities/new');
	await owner.getByLabel('Name').fill('Safe circle for survivors');
	await owner.getByLabel('Invitation only').check();
	await owner.getByRole('button', { name: 'Create the community' }).click();
	const home = new URL(owner.url()).pathname;
	expect((await guest.goto(home))?.status()).toBe(404);
	await guest.goto('/en/communities');
	await expect(guest.locator('main')).not.toContainText('Safe circle for survivors');

	await owner.getByRole('link', { name: 'Manage the community' }).click();
	await owner.getByRole('button', { name: 'Make a new invitation link' }).click();
	const link = await owner.getByRole('textbox', { name: 'Invitation link' }).inputValue();
	expect((await guest.goto(link))?.status()).toBe(200);
	await expect(guest.locator('main')).toContainText('Only members read');
	await guest.getByRole('button', { name: 'Join' }).click();
	await expect(guest.getByRole('status')).toHaveText('You joined this community.');
	await expect(guest.getByRole('link', { name: 'New thread' })).toBeVisible();

	// A new link stops the old one.
	await owner.getByRole('button', { name: 'Make a new invitation link' }).click();
	const late = await member(browser, 'Late Comer');
	expect((await late.goto(link))?.status()).toBe(404);
});
