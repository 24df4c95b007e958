import { describe, expect, it } from 'vitest';
import {
	deLocalizeUrl,
	locales,
	localizeHref as paraglideLocalizeHref
} from '#lib/paraglide/runtime.js';
import { localizeHref, withoutLocale } from './locale-path.ts';

const PATHS = [
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

describe('locale paths', () => {
	it('reads the same route as paraglide for every kind of path', () => {
		for (const p of PATHS)
			expect(withoutLocale(p), p).toBe(deLocalizeUrl(new URL(p, 'http://x.test')).pathname);
	});

	it('writes the same addresses as paraglide, in every locale', () => {
		const hrefs = [
			...PATHS,
			'/?x=1',
			'/members?q=amina+diallo&page=2',
			'/fr/members?q=x#results',
			'/services#top',
			'/members/',
			'/s/ABC123',
			'https://example.org/fr/x',
			'//example.org/x'
		];
		for (const locale of locales)
			for (const href of hrefs)
				expect(localizeHref(href, { locale }), `${href} in ${locale}`).toBe(
					paraglideLocalizeHref(href, { locale })
				);
	});
});
