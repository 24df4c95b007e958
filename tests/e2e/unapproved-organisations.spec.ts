import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { signedInPage, signUpVerified } from './support.ts';

// A pending organisation, and one an administrator rejected, show nowhere public: not their names,
// descriptions, slugs, services, places or logos, for visitors nor for members who are not their admins.
// Names start with "Aa" so that, listed by name, they would come first wherever organisations are listed.
const ORGS = {
	pending: {
		name: 'Aa Quillfeather Collective',
		description: 'Vexmoorish counsel and warm meals for newcomers.',
		words: ['quillfeather', 'vexmoorish']
	},
	rejected: {
		name: 'Aa Zorvanek Circle',
		description: 'Pellucidarian housing help for newcomers.',
		words: ['zorvanek', 'pellucidarian']
	}
} as const;
type Status = keyof typeof ORGS;
const COUNTRIES = ['FR', 'ML'];

type Org = { url: string; slug: string; id: string; serviceUrl: string; shortLink: string };

/** The founder proposes an organisation with a logo; it waits for approval. */
async function propose(page: Page, status: Status) {
	const o = ORGS[status];
	await page.goto('/en/organisations/new');
	await page.locator('#f-name').fill(o.name);
	await page.locator('#f-kind').selectOption('ngo');
	await page.locator('#f-description').fill(o.description);
	for (const [i, code] of COUNTRIES.entries())
		await page.locator(`#f-countries-${i}`).selectOption(code);
	await page.getByRole('button', { name: 'Send for approval' }).click();
	await expect(page.getByRole('status').first()).toContainText('Waiting for approval');
	const url = page.url().replace(/\?.*$/, '');
	const png = await sharp({
		create: { width: 400, height: 200, channels: 3, background: '#c33' }
	})
		.png()
		.toBuffer();
	await page
		.locator('#f-logo')
		.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
	await page.locator('form[action="?/logo"] button[type=submit]').click();
	await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
	return url;
}

/** Its staff add a place and a service, as they may before approval. Returns the service URL. */
async function addService(page: Page, orgUrl: string, status: Status) {
	const word = ORGS[status].words[0];
	await page.goto(`${orgUrl}/services`);
	await page.getByRole('link', { name: 'Add a place' }).click();
	await page.getByLabel('Name of the place').fill(`${word} drop-in`);
	await page.getByLabel('Street address').fill(`3 rue ${word}`);
	await page.getByLabel('Town or city').fill('Lyon');
	await page.getByLabel('Postal code').fill('69002');
	await page.getByLabel('Country').selectOption('FR');
	await page.getByLabel('Latitude').fill('45.7600');
	await page.getByLabel('Longitude').fill('4.8400');
	await page.getByLabel('Time zone').selectOption('Europe/Paris');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Place saved.');
	await page.getByRole('link', { name: 'Add a service' }).click();
	await page.getByLabel('Name', { exact: true }).fill(`${word} legal desk`);
	await page
		.getByLabel('What the service offers')
		.fill(`${ORGS[status].words[1]} appointments about papers.`);
	await page.getByLabel('Documents to bring (one per line)').fill('None');
	await page.getByRole('checkbox', { name: 'Legal aid and documentation' }).check();
	await page.getByRole('checkbox', { name: 'French' }).check();
	await page.getByRole('checkbox', { name: new RegExp(`${word} drop-in`) }).check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('A curator will review it');
	await page.getByRole('link', { name: `${word} legal desk`, exact: true }).click();
	return page.url();
}

async function setUp(browser: Browser, page: Page) {
	await signUpVerified(page, 'Quentin Fondateur');
	const orgs = {} as Record<Status, Org>;
	for (const status of ['pending', 'rejected'] as const) {
		const url = await propose(page, status);
		const slug = url.split('/').pop()!;
		const serviceUrl = await addService(page, url, status);
		const shortLink = new URL(await page.getByLabel('Short link to this page').inputValue())
			.pathname;
		// The founder reads their own organisation through the API (they are its admin).
		const own = await page.request.get(`/api/v1/organisations/${slug}`);
		expect(own.status()).toBe(200);
		const id = ((await own.json()) as { id: string }).id;
		orgs[status] = { url, slug, id, serviceUrl, shortLink };
	}

	// A curator publishes both services; the administrator rejects one organisation.
	const admin = await signedInPage(browser);
	for (const status of ['pending', 'rejected'] as const) {
		await admin.goto('/en/services/review');
		const item = admin.locator('section.review', {
			hasText: `${ORGS[status].words[0]} legal desk`
		});
		await item.getByRole('button', { name: 'Approve and publish' }).click();
		await expect(admin.getByRole('status')).toHaveText('Decision recorded.');
	}
	await admin.goto(orgs.rejected.url);
	await admin.getByLabel(/^Reason, if you reject it/).fill('Not an organisation.');
	await admin.getByRole('button', { name: 'Reject' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Decision saved.' })).toBeVisible();
	await admin.goto(orgs.pending.url);
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(ORGS.pending.name);
	await admin.context().close();

	// Still visible to their own admin.
	for (const status of ['pending', 'rejected'] as const) {
		await page.goto(orgs[status].url);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ORGS[status].name);
		expect((await page.goto(orgs[status].serviceUrl))?.status()).toBe(200);
	}
	return orgs;
}

/** Every public address, with the organisations' own ones that must answer 404. */
function surfaces(orgs: Record<Status, Org>) {
	const words = Object.values(ORGS).flatMap((o) => o.words);
	const open = [
		...['en', 'fr', 'es', 'ar'].map((l) => `/${l}`),
		'/en/members',
		'/en/members?type=organisations',
		'/en/members?type=organisations&kind=ngo',
		...COUNTRIES.map((c) => `/en/members?type=organisations&residence=${c}`),
		...words.map((w) => `/en/members?type=organisations&q=${w}`),
		...words.map((w) => `/en/members?q=${w}`),
		'/api/v1/organisations',
		'/api/v1/organisations?per_page=50',
		...words.map((w) => `/api/v1/organisations?q=${w}`),
		...COUNTRIES.map((c) => `/api/v1/organisations?residence=${c}`),
		'/api/v1/members',
		...words.map((w) => `/api/v1/members?q=${w}`),
		'/api/v1/openapi.json',
		'/en/map',
		...COUNTRIES.map((c) => `/en/map?origin=${c.toLowerCase()}`),
		'/en/countries',
		...COUNTRIES.map((c) => `/en/countries/${c.toLowerCase()}`),
		'/api/hsds',
		'/api/hsds/organizations?per_page=100',
		...words.map((w) => `/api/hsds/organizations?search=${w}`),
		'/api/hsds/services?per_page=100',
		...words.map((w) => `/api/hsds/services?search=${w}`),
		'/api/hsds/service_at_locations?per_page=100',
		...Object.values(orgs).map((o) => `/api/hsds/services?organization_id=${o.id}`),
		'/en/services',
		'/en/services?need=legal&place=Lyon',
		...words.map((w) => `/en/services?q=${w}`)
	];
	const notFound = Object.values(orgs).flatMap((o) => {
		const serviceId = o.serviceUrl.split('/').pop()!;
		return [
			new URL(o.url).pathname,
			`/api/v1/organisations/${o.slug}`,
			`/api/v1/organisations/${o.id}`,
			`/api/hsds/organizations/${o.id}`,
			`/api/hsds/services/${serviceId}`,
			new URL(o.serviceUrl).pathname,
			o.shortLink,
			`/media/organisations/${o.id}/logo`
		];
	});
	return { open, notFound };
}

/**
 * What of the two organisations a page shows, leaving out what its own address asked for (a search
 * box shows the words searched).
 */
async function leaks(request: APIRequestContext, orgs: Record<Status, Org>, path: string) {
	const response = await request.get(path);
	const body = (await response.text()).toLowerCase();
	const asked = path.toLowerCase();
	const needles = (['pending', 'rejected'] as const)
		.flatMap((s) => [
			ORGS[s].name.toLowerCase(),
			ORGS[s].description.toLowerCase(),
			...ORGS[s].words,
			orgs[s].slug,
			orgs[s].id,
			orgs[s].serviceUrl.split('/').pop()!
		])
		.filter((n) => !asked.includes(n));
	return { status: response.status(), found: needles.filter((n) => body.includes(n)) };
}

test('pending and rejected organisations appear on no public page or API', async ({
	browser,
	page
}) => {
	test.setTimeout(240_000);
	const orgs = await setUp(browser, page);
	const { open, notFound } = surfaces(orgs);

	const visitor = await browser.newContext();
	const member = await browser.newContext();
	await signUpVerified(await member.newPage(), 'Mariam Voisine');

	const problems: string[] = [];
	for (const [who, context] of [
		['visitor', visitor],
		['member', member]
	] as const) {
		for (const path of open) {
			const { status, found } = await leaks(context.request, orgs, path);
			if (status !== 200) problems.push(`${who} ${path}: status ${status}`);
			if (found.length) problems.push(`${who} ${path}: shows ${found.join(', ')}`);
		}
		for (const path of notFound) {
			const { status, found } = await leaks(context.request, orgs, path);
			if (status !== 404) problems.push(`${who} ${path}: status ${status}, not 404`);
			if (found.length) problems.push(`${who} ${path}: shows ${found.join(', ')}`);
		}
	}
	expect(problems).toEqual([]);

	// The same addresses do show an organisation once it is approved: the checks above can see one.
	const admin = await signedInPage(browser);
	await admin.goto(orgs.pending.url);
	await admin.getByRole('button', { name: 'Approve' }).click();
	await expect(admin.getByRole('status').filter({ hasText: 'Decision saved.' })).toBeVisible();
	await admin.context().close();
	for (const path of [
		'/en',
		'/en/members?type=organisations&q=quillfeather',
		'/api/v1/organisations?q=vexmoorish',
		'/api/hsds/organizations?search=quillfeather',
		'/api/hsds/services?search=vexmoorish',
		'/en/services?q=vexmoorish',
		new URL(orgs.pending.url).pathname,
		`/api/hsds/organizations/${orgs.pending.id}`,
		`/media/organisations/${orgs.pending.id}/logo`
	]) {
		const response = await visitor.request.get(path);
		expect(response.status(), path).toBe(200);
		if (!path.startsWith('/media/'))
			expect((await response.text()).toLowerCase(), path).toContain(
				path.startsWith('/api/hsds/services') || path.startsWith('/en/services')
					? 'quillfeather legal desk'
					: ORGS.pending.name.toLowerCase()
			);
	}
	expect((await leaks(visitor.request, orgs, '/en')).found).not.toContain(ORGS.rejected.words[0]);
	await visitor.close();
	await member.close();
});
