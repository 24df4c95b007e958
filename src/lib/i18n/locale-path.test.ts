import { describe, expect, it } from 'vitest';
import { deLocalizeUrl } from '#lib/paraglide/runtime.js';
import { withoutLocale } from './locale-path.ts';

describe('withoutLocale', () => {
	it('reads the same route as paraglide for every kind of path', () => {
		const paths = [
			'/',
			'/en',
			'/en/',
			'/fr/members',
			'/ar/services/abc',
			'/es/organisations/aid/people',
			'/api/v1/members',
			'/_app/immutable/x.js',
			'/english',
			'/frites/x',
			'/members',
			'/en/en',
			'/media/photos/a.webp'
		];
		for (const p of paths)
			expect(withoutLocale(p), p).toBe(deLocalizeUrl(new URL(p, 'http://x.test')).pathname);
	});
});
