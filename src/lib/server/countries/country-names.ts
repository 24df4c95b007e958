// Country names come from Intl (ICU's CLDR data, built into Node), in the page's language.
const cache = new Map<string, Intl.DisplayNames>();

/** The name of a country (ISO alpha-2) in a language; the code itself when Intl does not know it. */
export function countryName(alpha2: string, locale: string): string {
	let names = cache.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
		cache.set(locale, names);
	}
	return names.of(alpha2) ?? alpha2;
}

/** Names for many codes, as a record a page can look up. */
export function countryNames(codes: Iterable<string>, locale: string): Record<string, string> {
	return Object.fromEntries([...codes].map((c) => [c, countryName(c, locale)]));
}

/** Codes in the alphabetical order of their names in that language. */
export function byName(codes: string[], locale: string): string[] {
	const collator = new Intl.Collator(locale);
	return [...codes].sort((a, b) =>
		collator.compare(countryName(a, locale), countryName(b, locale))
	);
}
