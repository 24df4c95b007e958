import { describe, expect, it } from 'vitest';
import { nextPath } from './next-path.ts';

describe('the page to come back to after signing in', () => {
	it('keeps paths of this site, with their query', () => {
		expect(nextPath('/fr/referrals/claim/abc?x=1')).toBe('/fr/referrals/claim/abc?x=1');
		expect(nextPath('/en/services/6f1c')).toBe('/en/services/6f1c');
	});

	it('refuses other sites, odd forms and the sign-in pages themselves', () => {
		for (const bad of [
			null,
			'',
			'https://evil.example/x',
			'//evil.example/x',
			'/\\evil.example',
			'\\\\evil.example',
			'javascript:alert(1)',
			'/en/sign-in',
			'/sign-out',
			'/fr/sign-up?next=/x',
			'/en/x\u0000y',
			'/' + 'a'.repeat(600)
		])
			expect(nextPath(bad), String(bad)).toBeNull();
	});
});
