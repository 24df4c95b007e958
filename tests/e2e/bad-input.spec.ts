import { expect, test, type Page } from '@playwright/test';
import fr from '../../messages/fr.json' with { type: 'json' };
import { ADMIN, sessionCookie, signedInPage, uniqueEmail } from './support.ts';

type Case = { name: string; email: string; password: string; field: string; message: string };

const cases: Case[] = [
	{
		name: 'Zoë',
		email: 'pas-une-adresse',
		password: 'une phrase solide',
		field: 'email',
		message: fr.error_email_invalid
	},
	{
		name: 'Zoë',
		email: 'x',
		password: 'court',
		field: 'password',
		message: fr.error_password_weak
	},
	{
		name: 'x'.repeat(10_000),
		email: 'x',
		password: 'une phrase solide',
		field: 'name',
		message: fr.error_name_too_long
	},
	{
		name: 'Ana\u202Egnp.exe',
		email: 'x',
		password: 'une phrase solide',
		field: 'name',
		message: fr.error_name_hidden_characters
	},
	{
		name: 'Ali\u0007',
		email: 'x',
		password: 'une phrase solide',
		field: 'name',
		message: fr.error_name_hidden_characters
	}
];

async function submitSignUp(page: Page, c: Case, email: string) {
	await page.goto('/fr/sign-up');
	// Fill through the DOM: a person can paste these, and maxlength is not a server-side check.
	await page.evaluate(
		([name, email, password]) => {
			(document.querySelector('#f-name') as HTMLInputElement).value = name;
			(document.querySelector('#f-email') as HTMLInputElement).value = email;
			(document.querySelector('#f-password') as HTMLInputElement).value = password;
		},
		[c.name, email, c.password]
	);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.locator('main form button[type=submit]').click()
	]);
	return response;
}

test('bad sign-up input gets a clear message in the page language, a 4xx, and nothing is stored', async ({
	page,
	browser
}) => {
	const tried: string[] = [];
	for (const c of cases) {
		const email = c.email === 'x' ? uniqueEmail('refused') : c.email;
		tried.push(email);
		const response = await submitSignUp(page, c, email);
		expect(response.status(), c.field).toBeGreaterThanOrEqual(400);
		expect(response.status(), c.field).toBeLessThan(500);
		await expect(page.locator(`#f-${c.field}-error`)).toHaveText(c.message);
		await expect(page.getByRole('alert')).toBeVisible();
	}

	const admin = await signedInPage(browser);
	for (const email of tried.filter((e) => e.includes('@'))) {
		await admin.goto(`/en/admin/people?q=${encodeURIComponent(email)}`);
		await expect(admin.getByText('Nobody matches.')).toBeVisible();
	}
});

test('a bad phone number and a bad code get clear messages', async ({ page }) => {
	await page.goto('/es/sign-in/phone');
	await page.locator('#f-phone').fill('+12');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('#f-phone-error')).toBeVisible();
	await expect(page.locator('#f-phone-error')).not.toHaveText('');
});

test('names in Arabic, Chinese and with accents are accepted and shown intact', async ({
	page
}) => {
	const { signUpVerified } = await import('./support.ts');
	for (const name of ['محمد الحداد', '王秀英', 'Nguyễn Thị Lan']) {
		const context = await page.context().browser()!.newContext();
		const p = await context.newPage();
		await signUpVerified(p, name);
		await p.goto('/en/account');
		await expect(p.getByText(`Signed in as ${name}`)).toBeVisible();
		await context.close();
	}
});

test('a 6 MB JSON body to the auth API is refused with 413 before it is read', async ({
	baseURL
}) => {
	const big = JSON.stringify({ email: 'x'.repeat(6 * 1024 * 1024), password: 'p' });
	const post = (path: string, body: BodyInit, extra: RequestInit = {}) =>
		fetch(`${baseURL}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: baseURL! },
			body,
			...extra
		});
	for (const path of ['/api/auth/sign-in/email', '/api/auth/sign-up/email', '/api/v1/members']) {
		const response = await post(path, big);
		expect(response.status, path).toBe(413);
		expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
	}
	// Without a declared length (chunked) the limit holds as well.
	const chunks = new ReadableStream({
		start(controller) {
			for (let i = 0; i < 96; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(65_536)));
			controller.close();
		}
	});
	const chunked = await post('/api/auth/sign-in/email', chunks, { duplex: 'half' } as RequestInit);
	expect(chunked.status).toBe(413);
	// An ordinary body, chunked or not, still reaches the auth API (a wrong password: 401).
	const small = JSON.stringify({ email: ADMIN.email, password: 'not the password' });
	expect((await post('/api/auth/sign-in/email', small)).status).toBe(401);
	const smallChunked = new ReadableStream({
		start(controller) {
			controller.enqueue(new TextEncoder().encode(small));
			controller.close();
		}
	});
	expect(
		(await post('/api/auth/sign-in/email', smallChunked, { duplex: 'half' } as RequestInit)).status
	).toBe(401);
});

test('posting the reserved action name or an unknown one to a page with actions is a 404', async ({
	baseURL
}) => {
	const cookie = sessionCookie();
	for (const path of ['/en/account', '/en/profile', '/en/sign-in/phone', '/en/services/review'])
		for (const action of ['default', 'nonexistent', 'toString', '__proto__']) {
			const response = await fetch(`${baseURL}${path}?/${action}`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: baseURL!,
					cookie,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: 'locale=fr'
			});
			expect(response.status, `${path}?/${action}`).toBe(404);
		}
});
