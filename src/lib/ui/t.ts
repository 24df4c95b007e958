import * as m from '#lib/paraglide/messages.js';

/** Translates a message key that travels as data (form errors); unknown keys fall back to a generic error. */
export function t(key: string | undefined): string {
	if (!key) return '';
	const fn = (m as unknown as Record<string, unknown>)[key];
	return typeof fn === 'function' ? (fn as () => string)() : m.error_generic();
}
