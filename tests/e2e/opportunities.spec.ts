import { expect, test } from '@playwright/test';
import { signUpVerified, useSession } from './support.ts';

const inDays = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('post an opportunity, have it moderated, apply, shortlist and decline kindly', async ({
	browser
}) => {
	const poster = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signUpVerified(poster, 'Claire Martin');
	await poster.goto('/en/opportunities');
	await poster.getByRole('link', { name: 'Post an opportunity' }).click();
	await poster.locator('#f-type').selectOption('job');
	await poster.locator('#f-title').fill('Night nurse in a care home, Lyon');
	await poster
		.locator('#f-description')
		.fill('A permanent night post in a care home of 80 residents; a mentor for the first month.');
	await poster.locator('#f-country-0').selectOption('FR');
	await poster
		.locator('#f-required')
		.fill('hygiene in a health care setting\nprovide profesional care in nursing');
	await poster.locator('#f-need-0').selectOption('fr');
	await poster.locator('#f-level-0').selectOption('B2');
	await poster.locator('#f-deadline').fill('2020-01-31');
	await poster.getByRole('button', { name: 'Post it' }).click();
	// A deadline in the past and a misspelt skill: both said, with what was meant; nothing lost.
	await expect(poster.locator('#f-deadline-error')).toContainText('after today');
	await expect(poster.locator('main')).toContainText(
		'did you mean provide professional care in nursing'
	);
	await expect(poster.locator('#f-title')).toHaveValue('Night nurse in a care home, Lyon');
	await poster
		.locator('#f-required')
		.fill('hygiene in a health care setting\nprovide professional care in nursing');
	await poster.locator('#f-deadline').fill(inDays(30));
	await poster.getByRole('button', { name: 'Post it' }).click();
	await expect(poster.getByRole('status')).toContainText('once a moderator has checked it');
	const path = new URL(poster.url()).pathname;

	// Nobody else sees it until a moderator publishes it.
	const applicant = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	expect((await applicant.goto(path))?.status()).toBe(404);
	const admin = await (await browser.newContext()).newPage();
	await useSession(admin);
	await admin.goto('/en/moderation');
	await admin.locator('.card', { hasText: 'Night nurse' }).getByRole('link').first().click();
	await expect(admin.locator('main')).toContainText('A new opportunity');
	await admin.getByLabel('Restore it').check();
	await admin.getByLabel('Statement of reasons').fill('A real job offer that follows the rules.');
	await admin.getByRole('button', { name: 'Record the decision' }).click();
	await expect(admin.getByRole('status')).toHaveText(/Decision recorded/);

	// A nurse finds it, applies with her skills profile.
	await signUpVerified(applicant, 'Amina Diallo');
	await applicant.goto('/en/account/skills?find=nurse&kind=occupation');
	await applicant.getByRole('button', { name: 'Add: nurse responsible for general care' }).click();
	await applicant.goto('/en/opportunities');
	await applicant.getByLabel('Words to find').fill('night nurse');
	await applicant.getByRole('button', { name: 'Search' }).click();
	await applicant.getByRole('link', { name: 'Night nurse in a care home, Lyon' }).click();
	await expect(applicant.locator('main')).toContainText('hygiene in a health care setting');
	await applicant.getByRole('button', { name: 'Send' }).click();
	await expect(applicant.locator('#f-message-error')).toContainText('10 to 3,000');
	await applicant.getByLabel('Your message').fill('I am a nurse, available at night from May.');
	await applicant.getByLabel('Let the poster read my skills profile').check();
	await applicant.getByRole('button', { name: 'Send' }).click();
	await expect(applicant.getByRole('status')).toContainText('The poster is told');
	const applicationPath = new URL(applicant.url()).pathname;

	// The poster sees her, with her profile, shortlists her, then declines with a reason.
	await poster.goto('/en/account/notifications');
	await expect(poster.locator('main')).toContainText(
		'Someone applied to “Night nurse in a care home, Lyon”'
	);
	await poster.goto(`${path}/applications`);
	await poster.getByRole('link', { name: 'Amina Diallo' }).click();
	await expect(poster.locator('main')).toContainText('nurse responsible for general care');
	await poster.locator('#f-status').selectOption('shortlisted');
	await poster.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(poster.getByRole('status')).toContainText('The applicant is told');
	await poster.locator('#f-status').selectOption('declined');
	await poster.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(poster.locator('#f-reason-error')).toContainText('Choose a reason');
	await poster.locator('#f-status').selectOption('declined');
	await poster.locator('#f-reason').selectOption('filled');
	await poster.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(poster.getByRole('status')).toContainText('The applicant is told');
	await poster.getByLabel('Write about this application').fill('Thank you, we keep your profile.');
	await poster.getByRole('button', { name: 'Send the message' }).click();

	// She reads the outcome in kind words, in her language, and the message.
	await applicant.goto(applicationPath.replace('/en/', '/fr/'));
	await expect(applicant.locator('main')).toContainText('Non retenue');
	await expect(applicant.locator('main')).toContainText('La place a été pourvue');
	await expect(applicant.locator('main')).toContainText('Thank you, we keep your profile.');
	// Another member cannot read the application.
	const other = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signUpVerified(other, 'Bruno Costa');
	expect((await other.goto(applicationPath))?.status()).toBe(404);
	expect((await other.goto(`${path}/applications`))?.status()).toBe(404);

	// The API and the feed have it, its skills as ESCO URIs.
	const id = path.split('/').pop();
	const api = await (
		await other.request.get(`/api/v1/opportunities?q=night+nurse&type=job`)
	).json();
	expect(api.items.map((i: { id: string }) => i.id)).toEqual([id]);
	expect(api.items[0].skills.essential).toContain(
		'http://data.europa.eu/esco/skill/0450eaee-1a00-4622-8f4e-5356fce816d2'
	);
	const one = await other.request.get(`/api/v1/opportunities/${id}`);
	expect((await one.json()).status).toBe('open');
	expect((await other.request.get('/api/v1/opportunities?deadline_after=someday')).status()).toBe(
		400
	);
	const feed = await other.request.get('/en/opportunities/feed.atom');
	expect(feed.headers()['content-type']).toContain('application/atom+xml');
	expect(await feed.text()).toContain('Night nurse in a care home, Lyon');
});

test('demo opportunities of every type, and suggestions that say why', async ({ page }) => {
	await page.goto('/en/opportunities');
	const types = await page.locator('.card .meta').allTextContents();
	for (const t of [
		'Job',
		'Internship',
		'Apprenticeship',
		'Volunteering',
		'Skills-transfer mission',
		'Investment project',
		'Entrepreneurship project',
		'Call for proposals'
	])
		expect(types.join(' ')).toContain(t);
	await page.goto('/ar/opportunities');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('الفرص');
	await signUpVerified(page, 'Sara Nurse');
	await page.goto('/en/account/skills?find=nurse&kind=occupation');
	await page.getByRole('button', { name: 'Add: nurse responsible for general care' }).click();
	await page.goto('/en/opportunities');
	const suggested = page.locator('section[aria-labelledby=h-suggested]');
	const ehpad = suggested.locator('.card', { hasText: 'EHPAD' });
	await expect(ehpad).toContainText('Essential skills: 3 of 3.');
	await expect(ehpad).toContainText(
		'“hygiene in a health care setting” comes with the occupation “nurse responsible for general care”.'
	);
	await expect(ehpad).toContainText('French at B2 is asked; not in the profile.');
});
