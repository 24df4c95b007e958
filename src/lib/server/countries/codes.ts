import countries from 'i18n-iso-countries';

/**
 * Country codes. URLs and member facets use ISO 3166-1 alpha-2 (`sy`, `res:SY`); the UN DESA table
 * uses alpha-3 (`SYR`). Kosovo has no ISO code: XK / XKX are the codes in common use (and Intl knows XK).
 */
const EXTRA: Record<string, string> = { XK: 'XKX' };

/** `sy` or `SY` → `SY` when it names a country or territory, otherwise null. */
export function normaliseAlpha2(code: string): string | null {
	const upper = code.toUpperCase();
	if (!/^[A-Z]{2}$/.test(upper)) return null;
	return EXTRA[upper] || countries.isValid(upper) ? upper : null;
}

export function toAlpha3(alpha2: string): string | null {
	return EXTRA[alpha2] ?? countries.alpha2ToAlpha3(alpha2) ?? null;
}

export function toAlpha2(alpha3: string): string | null {
	const extra = Object.keys(EXTRA).find((k) => EXTRA[k] === alpha3);
	return extra ?? countries.alpha3ToAlpha2(alpha3) ?? null;
}
