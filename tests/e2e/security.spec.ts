import { expect, test } from '@playwright/test';
import { signUpVerified } from './support.ts';

test('pages carry a strict Content-Security-Policy with a nonce and no inline script', async ({
	request
}) => {
	const response = await request.get('/en/sign-in');
	const csp = response.headers()['content-security-policy'];
	expect(csp).toContain("default-src 'self'");
	expect(csp).toContain("script-src 'self'");
	expect(csp).toMatch(/style-src 'self' 'nonce-[^']+'/);
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).not.toContain('unsafe-inline');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(await response.text()).not.toContain('<script');
});

test('a form posted from another site is refused before any action runs', async ({ request }) => {
	const response = await request.post('/en/sign-up', {
		headers: {
			origin: 'https://evil.example',
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: 'name=Mallory&email=mallory%40e2e.example.org&password=a+sturdy+passphrase'
	});
	expect(response.status()).toBe(403);
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page }) => {
	await signUpVerified(page, 'Cookie Check');
	const cookies = await page.context().cookies();
	const session = cookies.find((c) => c.name.includes('session_token'));
	expect(session?.httpOnly).toBe(true);
	expect(session?.sameSite).toBe('Lax');
});

test('health, readiness and metrics answer', async ({ request }) => {
	expect(await (await request.get('/healthz')).text()).toBe('ok');
	expect((await request.get('/readyz')).status()).toBe(200);
	const metrics = await (await request.get('/metrics')).text();
	expect(metrics).toContain('http_request_duration_seconds');
	expect(metrics).toContain('process_resident_memory_bytes');
});
