import { describe, expect, it } from 'vitest';
import { hasControlCharacters, ownKey, parseId } from './ids.ts';

const HOSTILE = [
	'\u0000',
	'abc\u0000',
	'',
	'../../etc/passwd',
	'..%2f..%2fetc%2fpasswd',
	'a'.repeat(201),
	'\u202Eabc',
	'a b',
	'a/b',
	"' OR 1=1 --",
	'<script>'
];

describe('the one id parser', () => {
	it.each(HOSTILE)('refuses %o as any kind of id', (value) => {
		for (const kind of ['id', 'uuid', 'slug', 'shortCode'] as const)
			expect(parseId(kind, value), kind).toBeNull();
	});

	it('accepts the ids the platform makes', () => {
		expect(parseId('id', 'x8Jq2mZt0bQeR5vN7kLpA3sD9fGhJ1cW')).not.toBeNull();
		expect(parseId('id', '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d')).not.toBeNull();
		expect(parseId('id', 'urn:uuid:9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d')).not.toBeNull();
		expect(parseId('uuid', '5b0f2a3e-6c1d-4e8a-9f3b-000000000101')).not.toBeNull();
		expect(parseId('uuid', 'x8Jq2mZt0bQeR5vN7kLpA3sD9fGhJ1cW')).toBeNull();
		expect(parseId('slug', 'maison-des-diasporas')).toBe('maison-des-diasporas');
		expect(parseId('slug', 'جسور-عمان-1a2b3c')).not.toBeNull();
		expect(parseId('slug', 'a--b-3f9a1c')).not.toBeNull();
		expect(parseId('shortCode', 'Ab12Cd')).toBe('Ab12Cd');
		expect(parseId('id', 42)).toBeNull();
	});

	it('takes names from own keys only', () => {
		const sizes = { large: 320, small: 96 };
		expect(ownKey(sizes, 'large')).toBe('large');
		for (const inherited of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])
			expect(ownKey(sizes, inherited)).toBeNull();
		expect(ownKey(sizes, undefined)).toBeNull();
	});

	it('finds control characters in a path or a query, not in ordinary text', () => {
		const has = (u: string) => hasControlCharacters(new URL(u, 'http://x'));
		expect(has('/api/v1/members/%00')).toBe(true);
		expect(has('/en/members/a%01b')).toBe(true);
		expect(has('/api/hsds/services?organization_id=%00')).toBe(true);
		expect(has('/x?%7F=1')).toBe(true);
		expect(has('/en/services?q=caf%C3%A9+%E2%80%AE')).toBe(false);
		expect(has('/en/members?q=line%0Abreak')).toBe(false);
		expect(has('/en/members/line%0Abreak')).toBe(true);
		expect(has('/en/%E0%A4%A')).toBe(false);
	});
});
