import { describe, expect, it } from 'vitest';
import { createPageCache, isCacheable } from './page-cache.ts';

const page = (nonce: string, extra: Record<string, string> = {}) =>
	new Response(`<style nonce="${nonce}">a{}</style><p>Services</p>`, {
		headers: {
			'content-type': 'text/html',
			'content-security-policy': `style-src 'self' 'nonce-${nonce}'`,
			...extra
		}
	});

describe('visitors page cache', () => {
	it('serves a kept page with a fresh nonce each time, in the body and the header', async () => {
		const cache = createPageCache({ seconds: 10 });
		await cache.put('/en/services', page('AAAAAAAAAAAAAAAAAAAAAA=='), 1000);
		const first = cache.get('/en/services', 2000)!;
		const second = cache.get('/en/services', 3000)!;
		const nonces = await Promise.all(
			[first, second].map(async (r) => {
				const header = /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy')!)![1];
				expect(await r.text()).toBe(`<style nonce="${header}">a{}</style><p>Services</p>`);
				return header;
			})
		);
		expect(new Set([...nonces, 'AAAAAAAAAAAAAAAAAAAAAA==']).size).toBe(3);
		expect(first.headers.get('x-page-cache')).toBe('hit');
	});

	it('forgets a page after its time, and never keeps errors, cookies or other content', async () => {
		const cache = createPageCache({ seconds: 10 });
		await cache.put('/en/map', page('BBBBBBBBBBBBBBBBBBBBBB=='), 0);
		expect(cache.get('/en/map', 9_999)).not.toBeNull();
		expect(cache.get('/en/map', 10_000)).toBeNull();
		await cache.put(
			'/a',
			new Response('x', { status: 404, headers: { 'content-type': 'text/html' } })
		);
		await cache.put('/b', page('CCCCCCCCCCCCCCCCCCCCCC==', { 'set-cookie': 'x=1' }));
		await cache.put('/c', new Response('x', { headers: { 'content-type': 'text/plain' } }));
		expect(cache.size()).toBe(0);
		// JSON is kept too (isCacheable lets only public API answers through).
		await cache.put('/d', new Response('{}', { headers: { 'content-type': 'application/json' } }));
		expect(cache.size()).toBe(1);
		const off = createPageCache({ seconds: 0 });
		await off.put('/en/map', page('DDDDDDDDDDDDDDDDDDDDDD=='));
		expect(off.size()).toBe(0);
	});

	it('keeps at most maxEntries pages, dropping the oldest', async () => {
		const cache = createPageCache({ seconds: 10, maxEntries: 2 });
		for (const k of ['/1', '/2', '/3']) await cache.put(k, page('EEEEEEEEEEEEEEEEEEEEEE=='), 0);
		expect(cache.get('/1', 1)).toBeNull();
		expect(cache.get('/3', 1)).not.toBeNull();
	});

	it('applies only to visitors reading public pages', () => {
		const get = (path: string, cookie?: string) =>
			isCacheable(
				new Request(`http://x${path}`, { headers: cookie ? { cookie } : {} }),
				new URL(`http://x${path}`)
			);
		expect(get('/en/services?need=legal')).toBe(true);
		expect(get('/ar/services/5b0f2a3e-6c1d-4e8a-9f3b-000000000101')).toBe(true);
		expect(get('/fr/members')).toBe(true);
		expect(get('/en/services?need=legal', 'better-auth.session_token=abc')).toBe(false);
		expect(get('/en/referrals')).toBe(false);
		expect(get('/en/account')).toBe(false);
		expect(get('/en/organisations/x/services')).toBe(false);
		expect(get('/api/hsds/services')).toBe(false);
		expect(get('/en/opportunities?type=job')).toBe(true);
		expect(get('/en/opportunities/mine')).toBe(false);
		expect(get('/api/v1/opportunities?q=nurse')).toBe(true);
		expect(get('/api/v1/opportunities/5b0f2a3e-6c1d-4e8a-9f3b-000000000101')).toBe(true);
		expect(get('/api/v1/members')).toBe(false);
		const post = new Request('http://x/en/services', { method: 'POST' });
		expect(isCacheable(post, new URL(post.url))).toBe(false);
	});
});
