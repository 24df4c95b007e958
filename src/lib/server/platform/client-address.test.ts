import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy, type TrustProxy } from './client-address.ts';

function trust(raw: string): TrustProxy {
	const parsed = parseTrustProxy(raw);
	if (typeof parsed === 'string') throw new Error(parsed);
	return parsed;
}

describe('TRUST_PROXY', () => {
	it.each(['', 'false', '0', 'no'])('%o trusts no proxy', (raw) => {
		expect(trust(raw)).toEqual({ kind: 'none' });
	});

	it('reads a hop count and a list of addresses and ranges', () => {
		expect(trust('2')).toEqual({ kind: 'hops', hops: 2 });
		expect(trust('10.0.0.0/8, 192.168.1.10,fd00::/8')).toMatchObject({
			kind: 'list',
			entries: ['10.0.0.0/8', '192.168.1.10', 'fd00::/8']
		});
	});

	it.each(['yes please', '10.0.0.0/33', 'fd00::/129', '10.0.0.1/8/2', 'proxy.internal', '99'])(
		'refuses %o with a message',
		(raw) => {
			expect(typeof parseTrustProxy(raw)).toBe('string');
		}
	);
});

describe('the client address behind proxies', () => {
	it('without TRUST_PROXY is the connection, whatever X-Forwarded-For claims', () => {
		expect(clientAddress('198.51.100.7', '203.0.113.1', trust('false'))).toBe('198.51.100.7');
		expect(clientAddress('::ffff:198.51.100.7', null, trust('false'))).toBe('198.51.100.7');
	});

	it('with one hop is the address the load balancer appended, not what the client sent', () => {
		const one = trust('1');
		expect(clientAddress('10.0.0.2', '203.0.113.9', one)).toBe('203.0.113.9');
		// The client wrote its own X-Forwarded-For; the balancer appended the real address.
		expect(clientAddress('10.0.0.2', '1.2.3.4, 203.0.113.9', one)).toBe('203.0.113.9');
		expect(clientAddress('10.0.0.2', null, one)).toBe('10.0.0.2');
		// Two hops: CDN then balancer.
		expect(clientAddress('10.0.0.2', '1.2.3.4, 203.0.113.9, 10.0.0.1', trust('2'))).toBe(
			'203.0.113.9'
		);
	});

	it('with one hop skips a garbled entry for the nearest real address', () => {
		expect(clientAddress('10.0.0.2', 'not-an-address', trust('1'))).toBe('10.0.0.2');
	});

	it('with a list walks back over trusted proxies to the first address none vouches for', () => {
		const list = trust('10.0.0.0/8, ::1, 127.0.0.1');
		expect(clientAddress('10.1.2.3', '203.0.113.9', list)).toBe('203.0.113.9');
		expect(clientAddress('::1', '1.2.3.4, 203.0.113.9, 10.0.0.5', list)).toBe('203.0.113.9');
		expect(clientAddress('::ffff:127.0.0.1', '2001:db8::1', list)).toBe('2001:db8::1');
		// A connection from outside the list sets its own X-Forwarded-For: ignored.
		expect(clientAddress('198.51.100.7', '203.0.113.9', list)).toBe('198.51.100.7');
		// Only proxies in the chain: the leftmost is the closest we know.
		expect(clientAddress('10.0.0.1', '10.0.0.9', list)).toBe('10.0.0.9');
		// Garbage left of the proxies is not a key an attacker may choose.
		expect(clientAddress('10.0.0.1', 'garbage, 10.0.0.9', list)).toBe('10.0.0.9');
	});
});
