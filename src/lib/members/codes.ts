import isoCountries from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';

// ISO 3166-1 alpha-2 country codes (with Kosovo's XK) and ISO 639-1 language codes, from maintained
// libraries rather than a hand-kept list; names come from Intl.DisplayNames in the reader's language.
export const COUNTRY_CODES: readonly string[] = Object.keys(isoCountries.getAlpha2Codes()).sort();

export const LANGUAGE_CODES: readonly string[] = ISO6391.getAllCodes().slice().sort();

const countries = new Set(COUNTRY_CODES);
const languages = new Set(LANGUAGE_CODES);
export const isCountryCode = (code: string) => countries.has(code);
export const isLanguageCode = (code: string) => languages.has(code);

/**
 * Options for a select, sorted by name; two codes with one name (Akan: ak, tw) carry their code.
 * Made once per language and kind: sorting 250 names by the reader's collation costs milliseconds
 * a request otherwise.
 */
const made = new Map<string, { code: string; name: string }[]>();
function options(codes: readonly string[], locale: string, type: 'region' | 'language') {
	const key = `${type}:${locale}`;
	const kept = made.get(key);
	if (kept) return kept;
	const named = codes.map((code) => ({ code, name: names(locale, type).of(code) ?? code }));
	const seen = new Map<string, number>();
	for (const o of named) seen.set(o.name, (seen.get(o.name) ?? 0) + 1);
	const collator = new Intl.Collator(locale);
	const sorted = named
		.map((o) => ((seen.get(o.name) ?? 0) > 1 ? { ...o, name: `${o.name} (${o.code})` } : o))
		.sort((a, b) => collator.compare(a.name, b.name));
	made.set(key, sorted);
	return sorted;
}

/** Country and language names in the reader's language, sorted for a select. */
export function countryOptions(locale: string) {
	return options(COUNTRY_CODES, locale, 'region');
}

export function languageOptions(locale: string) {
	return options(LANGUAGE_CODES, locale, 'language');
}

// Building an Intl.DisplayNames costs more than a lookup: one per language and kind, kept.
const displayNames = new Map<string, Intl.DisplayNames>();
function names(locale: string, type: 'region' | 'language') {
	const key = `${type}:${locale}`;
	let n = displayNames.get(key);
	if (!n) {
		n = new Intl.DisplayNames([locale], { type });
		displayNames.set(key, n);
	}
	return n;
}

export function countryName(code: string, locale: string) {
	try {
		return names(locale, 'region').of(code) ?? code;
	} catch {
		return code;
	}
}

export function languageName(code: string, locale: string) {
	try {
		return names(locale, 'language').of(code) ?? code;
	} catch {
		return code;
	}
}
