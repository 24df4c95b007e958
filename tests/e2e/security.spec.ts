import { expect, test } from '@playwright/test';
import { signUpVerified, uniqueEmail } from './support.ts';
import { startExtraInstance } from './stack/extra-instance.ts';

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
	// The one script of every page is the platform's own file (reading offline, decision 0032):
	// no inline code, nothing from elsewhere.
	const scripts = [...(await response.text()).matchAll(/<script[^>]*>/g)].map((m) => m[0]);
	expect(scripts).toEqual(['<script src="/offline.js" defer>']);
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

test('health and readiness answer; metrics answer a scraper on the machine itself only', async ({
	request
}) => {
	expect(await (await request.get('/healthz')).text()).toBe('ok');
	expect((await request.get('/readyz')).status()).toBe(200);
	// The stack listens on 127.0.0.1 without METRICS_TOKEN: a local scrape is answered.
	const local = await request.get('/metrics');
	expect(local.status()).toBe(200);
	const metrics = await local.text();
	expect(metrics).toContain('http_request_duration_seconds');
	expect(metrics).toContain('process_resident_memory_bytes');
	// Through a proxy on the same machine, a visitor's request looks local: it is refused.
	const viaProxy: Record<string, string>[] = [
		{ 'x-forwarded-for': '203.0.113.9' },
		{ forwarded: 'for=203.0.113.9' }
	];
	for (const headers of viaProxy) {
		const proxied = await request.get('/metrics', { headers });
		expect(proxied.status()).toBe(403);
		expect(await proxied.text()).not.toContain('http_request_duration_seconds');
	}
});

test('over plain http no HSTS is sent (it would pin a site that has no https)', async ({
	request
}) => {
	const response = await request.get('/en/sign-in');
	expect(response.headers()['strict-transport-security']).toBeUndefined();
});

test.describe('an instance behind a proxy on the same machine, with an https origin', () => {
	const TOKEN = 'e2e-metrics-token-0123456789';
	const ORIGIN = 'https://passerelle.example';
	let instance: Awaited<ReturnType<typeof startExtraInstance>>;
	test.beforeAll(async () => {
		test.setTimeout(90_000);
		instance = await startExtraInstance({
			ORIGIN,
			TRUST_PROXY: '127.0.0.1, ::1',
			METRICS_TOKEN: TOKEN,
			RATE_LIMIT: 'true'
		});
	});
	test.afterAll(async () => instance?.stop());

	test('pages and API answers carry HSTS', async () => {
		for (const url of ['/en/sign-in', '/api/v1/openapi.json', '/']) {
			const response = await fetch(instance.url + url, { redirect: 'manual' });
			expect(response.status, url).toBeLessThan(400);
			expect(response.headers.get('strict-transport-security'), url).toBe(
				'max-age=31536000; includeSubDomains'
			);
		}
	});

	test('metrics answer the bearer of METRICS_TOKEN only', async () => {
		for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`]) {
			const response = await fetch(`${instance.url}/metrics`, {
				headers: authorization ? { authorization } : {}
			});
			expect(response.status, authorization).toBe(401);
			expect(response.headers.get('www-authenticate')).toBe('Bearer');
			expect(await response.text()).not.toContain('http_request_duration_seconds');
		}
		const allowed = await fetch(`${instance.url}/metrics`, {
			headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.9' }
		});
		expect(allowed.status).toBe(200);
		expect(await allowed.text()).toContain('http_request_duration_seconds');
	});

	test('rate limits count each client the proxy names, not the proxy, not what a client claims', async () => {
		const reset = (client: string) =>
			fetch(`${instance.url}/api/auth/request-password-reset`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': client },
				body: JSON.stringify({ email: uniqueEmail('proxy'), redirectTo: '/en/reset-password' })
			});
		// Ten resets per client in ten minutes (platform/rate-limit.ts): the eleventh is refused.
		for (let i = 0; i < 10; i++) expect((await reset('203.0.113.7')).status).not.toBe(429);
		const limited = await reset('203.0.113.7');
		expect(limited.status).toBe(429);
		expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
		// Another client behind the same proxy has its own count.
		expect((await reset('203.0.113.8')).status).not.toBe(429);
		// The limited client cannot escape by sending its own X-Forwarded-For: the proxy appends
		// the address it saw, and only that one counts.
		expect((await reset('198.51.100.1, 203.0.113.7')).status).toBe(429);
	});
});
