import { describe, expect, it } from 'vitest';
import en from '../../../messages/en.json' with { type: 'json' };
import fr from '../../../messages/fr.json' with { type: 'json' };
import es from '../../../messages/es.json' with { type: 'json' };
import ar from '../../../messages/ar.json' with { type: 'json' };
import * as m from '#lib/paraglide/messages.js';

// Counts agree with their number in every language (CLDR plural rules, through Paraglide's
// variants); Arabic has six forms.
const COUNTS = [0, 1, 2, 3, 11, 100, '200+'];

describe('counts in every language', () => {
	it('says services in the form each number takes', () => {
		const said = (locale: 'en' | 'fr' | 'es' | 'ar') =>
			COUNTS.map((count) => m.services_results({ count }, { locale }));
		expect(said('en')).toEqual([
			'0 services',
			'1 service',
			'2 services',
			'3 services',
			'11 services',
			'100 services',
			'200+ services'
		]);
		expect(said('fr').slice(0, 3)).toEqual(['0 service', '1 service', '2 services']);
		expect(said('es').slice(0, 3)).toEqual(['0 servicios', '1 servicio', '2 servicios']);
		expect(said('ar')).toEqual([
			'لا توجد خدمات',
			'خدمة واحدة',
			'خدمتان',
			'3 خدمات',
			'11 خدمة',
			'100 خدمة',
			'200+ خدمة'
		]);
		expect(m.directory_results({ count: 1 }, { locale: 'en' })).toBe('1 result');
		expect(m.audit_caption({ count: 2 }, { locale: 'ar' })).toBe('إدخالان، الأحدث أولًا');
	});

	it('gives every sentence that counts with {count} its plural forms, in all four languages', () => {
		// These show the number apart from any noun ("Members (3)", "Members from Syria: 3").
		const apart = [
			'org_members',
			'countries_members_from',
			'countries_members_living',
			'map_members_summary',
			'map_other_countries'
		];
		for (const [locale, messages] of Object.entries({ en, fr, es, ar })) {
			const counting = Object.entries(en).filter(([, value]) =>
				typeof value === 'string'
					? value.includes('{count}')
					: JSON.stringify(value).includes('count')
			);
			for (const [key] of counting) {
				if (apart.includes(key)) continue;
				expect(
					Array.isArray((messages as Record<string, unknown>)[key]),
					`${key} in ${locale}`
				).toBe(true);
			}
		}
	});
});
