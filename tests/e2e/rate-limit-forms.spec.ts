import { expect, test } from '@playwright/test';
import { EXTRA_PORT, startExtraInstance } from './stack/extra-instance.ts';

// The hook refuses a rate-limited form before its action runs (hooks.server.ts): the page comes
// back as it would on a GET, with the layout's notice, status 429 and Retry-After.
test.describe('forms over their rate limit', () => {
	const ORIGIN = `http://127.0.0.1:${EXTRA_PORT}`;
	let instance: Awaited<ReturnType<typeof startExtraInstance>>;
	test.beforeAll(async () => {
		test.setTimeout(90_000);
		instance = await startExtraInstance({ ORIGIN, RATE_LIMIT: 'true' });
	});
	test.afterAll(async () => instance?.stop());

	const post = (path: string, body: Record<string, string>, client: string) =>
		fetch(instance.url + path, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: ORIGIN,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				// Not trusted (no TRUST_PROXY): every request counts for the same machine.
				'x-forwarded-for': client
			},
			body: new URLSearchParams(body)
		});

	test('the eleventh reset request in ten minutes is refused with the page and a notice', async () => {
		const ask = () =>
			post('/fr/forgot-password', { email: 'nobody@e2e.example.org' }, '203.0.113.50');
		for (let i = 0; i < 10; i++) {
			const allowed = await ask();
			expect(allowed.status, `request ${i + 1}`).toBeLessThan(400);
			expect(await allowed.text()).not.toContain('role="alert">Trop');
		}
		const refused = await ask();
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		const html = await refused.text();
		// In the page's language, above the form the person was on, ready for later.
		expect(html).toMatch(/<p class="error" role="alert">Trop d('|&#39;)essais/);
		expect(html).toContain('<form method="POST"');
		expect(html).toContain('lang="fr"');
	});

	test('a limited client is refused on every form the rule covers, API included', async () => {
		// A new address each time: the limit per client address (30 in five minutes) is what
		// refuses, before the limit per account ever could.
		let tries = 0;
		const signIn = () =>
			post('/en/sign-in', { email: `nobody${++tries}@e2e.example.org`, password: 'not it' }, 'x');
		let last = await signIn();
		while (tries < 40 && last.status !== 429) last = await signIn();
		expect(last.status).toBe(429);
		expect(tries).toBe(31);
		const html = await last.text();
		expect(html).toContain('role="alert">Too many attempts');
		expect(html).toContain('name="password"');
		const api = await fetch(`${instance.url}/api/auth/sign-in/email`, {
			method: 'POST',
			headers: { origin: ORIGIN, 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'nobody@e2e.example.org', password: 'not the one' })
		});
		expect(api.status).toBe(429);
		expect(await api.json()).toMatchObject({ code: 'RATE_LIMITED' });
	});
});
