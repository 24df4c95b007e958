import { describe, expect, it } from 'vitest';
import {
	COUNTRY_CODES,
	countryOptions,
	isCountryCode,
	isLanguageCode,
	LANGUAGE_CODES,
	languageOptions
} from './codes.ts';

describe('country and language options', () => {
	it.each(['en', 'fr', 'es', 'ar'])(
		'lists every option once, with a distinct name, in %s',
		(locale) => {
			for (const list of [countryOptions(locale), languageOptions(locale)]) {
				const codes = list.map((o) => o.code);
				const names = list.map((o) => o.name);
				expect(new Set(codes).size).toBe(codes.length);
				expect(new Set(names).size).toBe(names.length);
				// Every code has a real name, not its own code echoed back.
				expect(list.filter((o) => o.name === o.code)).toEqual([]);
			}
		}
	);

	it('holds today’s ISO 3166-1 countries with Kosovo, and no withdrawn code', () => {
		expect(COUNTRY_CODES).toHaveLength(250);
		expect(isCountryCode('XK')).toBe(true);
		for (const gone of ['DY', 'HV', 'NH', 'RH', 'VD', 'YD'])
			expect(isCountryCode(gone)).toBe(false);
		expect(countryOptions('fr').find((o) => o.code === 'XK')?.name).toBe('Kosovo');
	});

	it('holds the ISO 639-1 languages, and no deprecated code', () => {
		expect(LANGUAGE_CODES).toHaveLength(183);
		for (const gone of ['in', 'iw', 'ji', 'jw', 'mo', 'sh'])
			expect(isLanguageCode(gone)).toBe(false);
		for (const kept of ['he', 'id', 'yi', 'jv', 'ro', 'sr', 'ar', 'ti'])
			expect(isLanguageCode(kept), kept).toBe(true);
	});
});
