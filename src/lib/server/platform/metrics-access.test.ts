import { describe, expect, it } from 'vitest';
import { metricsAccess } from './metrics-access.ts';

const TOKEN = 'a-metrics-token-of-some-length';
const ask = (over: Partial<Parameters<typeof metricsAccess>[0]>) =>
	metricsAccess({
		token: undefined,
		authorization: null,
		peerAddress: '127.0.0.1',
		forwarded: false,
		...over
	});

describe('who may read /metrics', () => {
	it('with METRICS_TOKEN: the bearer of that token, from anywhere, and no one else', () => {
		expect(
			ask({ token: TOKEN, authorization: `Bearer ${TOKEN}`, peerAddress: '203.0.113.9' })
		).toBe('allow');
		expect(ask({ token: TOKEN, authorization: `bearer ${TOKEN}` })).toBe('allow');
		expect(ask({ token: TOKEN })).toBe('unauthorized');
		expect(ask({ token: TOKEN, authorization: 'Bearer wrong' })).toBe('unauthorized');
		expect(ask({ token: TOKEN, authorization: `Basic ${TOKEN}` })).toBe('unauthorized');
		expect(ask({ token: TOKEN, authorization: `Bearer ${TOKEN}x` })).toBe('unauthorized');
	});

	it('without a token: a loopback connection only', () => {
		expect(ask({ peerAddress: '127.0.0.1' })).toBe('allow');
		expect(ask({ peerAddress: '::1' })).toBe('allow');
		expect(ask({ peerAddress: '::ffff:127.0.0.1' })).toBe('allow');
		expect(ask({ peerAddress: '203.0.113.9' })).toBe('forbidden');
		expect(ask({ peerAddress: '10.0.0.5' })).toBe('forbidden');
		expect(ask({ peerAddress: 'unknown' })).toBe('forbidden');
		// A token sent when none is configured changes nothing.
		expect(ask({ peerAddress: '203.0.113.9', authorization: 'Bearer anything' })).toBe('forbidden');
	});

	it('without a token: not through a proxy on the same machine', () => {
		expect(ask({ peerAddress: '127.0.0.1', forwarded: true })).toBe('forbidden');
	});
});
