import * as m from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';

/**
 * Translates a message key that travels as data (form errors, a section named by its kind), in
 * the page's language or the one given; unknown keys fall back to a generic error.
 */
export function t(
	key: string | undefined,
	params: Record<string, unknown> = {},
	locale?: Locale
): string {
	if (!key) return '';
	const fn = (m as unknown as Record<string, unknown>)[key];
	return typeof fn === 'function'
		? (fn as (p: object, o?: object) => string)(params, locale ? { locale } : undefined)
		: m.error_generic();
}
