import type { Locale } from '#lib/paraglide/runtime.js';

const FRENCH = new Set(['FR', 'BE', 'LU', 'MC', 'CH']);
const SPANISH = new Set(['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'EC', 'VE', 'UY', 'PY', 'BO']);
const ARABIC = new Set([
	'DZ',
	'BH',
	'EG',
	'IQ',
	'JO',
	'KW',
	'LB',
	'LY',
	'MA',
	'OM',
	'QA',
	'SA',
	'SY',
	'TN',
	'AE',
	'YE'
]);

/**
 * The platform language of the country someone lives in, to show their profile beside their own
 * (English elsewhere); never the reader's own language: then English, or French for English.
 */
export function hostLanguage(residence: string | null | undefined, reader: Locale): Locale {
	const c = (residence ?? '').toUpperCase();
	const host: Locale = FRENCH.has(c) ? 'fr' : SPANISH.has(c) ? 'es' : ARABIC.has(c) ? 'ar' : 'en';
	if (host !== reader) return host;
	return reader === 'en' ? 'fr' : 'en';
}
