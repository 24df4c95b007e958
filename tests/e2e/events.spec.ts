import { expect, test, type Browser } from '@playwright/test';
import ICAL from 'ical.js';
import { accessibilityProblems, signUpVerified } from './support.ts';

async function member(browser: Browser, name: string, javaScriptEnabled = false) {
	const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
	await signUpVerified(page, name);
	return page;
}

/** A date some days ahead, as a date field takes it. */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test('an event with one place: registered, a waiting line, promoted on cancellation; times in two zones; .ics', async ({
	browser
}) => {
	test.slow();
	const host = await member(browser, 'Event Host', true);
	const first = await member(browser, 'First Comer');
	const second = await member(browser, 'Second Comer');

	await host.goto('/en/events');
	await host.getByRole('link', { name: 'Create an event' }).click();
	expect(await accessibilityProblems(host)).toEqual([]);
	await host.getByLabel('Title').fill('Reading group in Lagos');
	await host.getByLabel('Kind of event').selectOption('meeting');
	await host.getByLabel('Hybrid').check();
	await host.getByLabel('Date', { exact: true }).fill(inDays(-2));
	await host.getByLabel('Starts at').fill('18:00');
	await host.getByLabel('Ends at').fill('20:00');
	await host.getByLabel('Time zone').fill('Africa/Lagos');
	await host.getByLabel('Town').fill('Lagos');
	await host.getByLabel('Online link').fill('javascript:alert(1)');
	await host.getByLabel('Places').fill('-3');
	await host.getByRole('button', { name: 'Publish the event' }).click();
	await expect(host.locator('#f-onlineUrl-error')).toContainText('https://');
	await expect(host.locator('#f-capacity-error')).toContainText('whole number');
	await host.getByLabel('Online link').fill('https://meet.example.org/reading');
	await host.getByLabel('Places').fill('1');
	await host.getByRole('button', { name: 'Publish the event' }).click();
	await expect(host.locator('#f-date-error')).toHaveText('The start has already passed.');
	await host.getByLabel('Date', { exact: true }).fill(inDays(5));
	await host.getByRole('button', { name: 'Publish the event' }).click();
	await expect(host.getByRole('status')).toHaveText('Your event is published.');
	const eventPath = new URL(host.url()).pathname;
	await expect(host.locator('main')).toContainText('(Africa/Lagos)');
	expect(await accessibilityProblems(host)).toEqual([]);

	// The first registers and gets the link; the second joins the line.
	await first.goto(eventPath);
	await expect(first.locator('main')).toContainText('The link is given to registered people.');
	await first.getByRole('button', { name: 'Register' }).click();
	await expect(first.getByRole('status')).toContainText('You are registered.');
	await expect(first.getByRole('link', { name: 'https://meet.example.org/reading' })).toBeVisible();
	await second.goto(eventPath);
	await expect(second.locator('main')).toContainText('Full');
	await second.getByRole('button', { name: 'Join the waiting line' }).click();
	await expect(second.getByRole('status')).toContainText('you are on the waiting line');
	await expect(second.locator('main')).toContainText('You are number 1 on the waiting line.');

	// The viewer's own zone: Bogotá is six hours behind Lagos.
	await second.getByLabel('Show the times in my time zone').fill('America/Bogota');
	await second.getByRole('button', { name: 'Show', exact: true }).click();
	await expect(second.locator('dd').first()).toContainText('(America/Bogota)');
	await expect(second.locator('dd').first()).toContainText('12:00');
	await second.getByLabel('Show the times in my time zone').fill('Mars/Olympus');
	await second.getByRole('button', { name: 'Show', exact: true }).click();
	await expect(second.locator('#f-tz-error')).toContainText('not known');

	// The first cancels: the second is promoted and told.
	await first.goto(eventPath);
	await first.getByRole('button', { name: 'Cancel my registration' }).click();
	await expect(first.getByRole('status')).toHaveText('Your registration is cancelled.');
	await second.goto(eventPath);
	await expect(second.locator('main')).toContainText('You are registered.');
	await expect(
		second.getByRole('link', { name: 'https://meet.example.org/reading' })
	).toBeVisible();
	await second.goto('/en/account/notifications');
	await expect(second.locator('main')).toContainText('A place freed up');

	// The organiser sees who comes, and downloads the list.
	await host.goto(eventPath);
	await host.getByRole('link', { name: 'Attendees' }).click();
	await expect(host.locator('table')).toContainText('Second Comer');
	const csv = await host.request.get(`${eventPath}/attendees.csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toContain('"Second Comer","registered"');
	expect((await first.request.get(`${eventPath}/attendees.csv`)).status()).toBe(404);

	// The .ics reads back, with the reminder as an alarm; the online link only for the registered.
	const ics = await (await second.request.get(`${eventPath}/event.ics`)).text();
	const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
	expect(vevent.getFirstPropertyValue('summary')).toBe('Reading group in Lagos');
	expect(vevent.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger')!.toString()).toBe(
		'-P1D'
	);
	expect(ics).toContain('meet.example.org/reading');
	expect(await (await first.request.get(`${eventPath}/event.ics`)).text()).not.toContain(
		'meet.example.org'
	);

	// The public API lists it.
	const api = await first.request.get('/api/v1/events?q=reading+group');
	const body = (await api.json()) as { items: { id: string; time_zone: string }[] };
	expect(body.items.map((i) => i.id)).toContain(eventPath.split('/').pop());
	expect(body.items[0].time_zone).toBe('Africa/Lagos');
	expect((await first.request.get('/api/v1/events?from=yesterday')).status()).toBe(400);
});

test('a private calendar feed lists the events one registered for', async ({ browser }) => {
	const page = await member(browser, 'Calendar Keeper');
	await page.goto('/en/events');
	await page.locator('.cards h2 a').first().click();
	const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	await page.getByRole('button', { name: /Register|Join the waiting line/ }).click();
	await page.goto('/en/account/calendar');
	await page.getByRole('button', { name: 'Make my address' }).click();
	const link = await page.getByRole('textbox', { name: 'My calendar feed' }).inputValue();
	const anonymous = await (await browser.newContext()).request.get(link);
	expect(anonymous.headers()['content-type']).toContain('text/calendar');
	const events = new ICAL.Component(ICAL.parse(await anonymous.text())).getAllSubcomponents(
		'vevent'
	);
	expect(events.map((e) => e.getFirstPropertyValue('summary'))).toContain(title);
	await page.getByRole('button', { name: 'Make a new address' }).click();
	expect((await (await browser.newContext()).request.get(link)).status()).toBe(404);
});
