import {
	getServerAsyncLocalStorage,
	isLocale,
	baseLocale,
	type Locale
} from '#lib/paraglide/runtime.js';

/** The locale of the current request if there is one, else the person's saved one. */
export function requestLocale(user?: { locale?: unknown }): Locale {
	const fromRequest = getServerAsyncLocalStorage()?.getStore()?.locale;
	if (fromRequest) return fromRequest;
	if (typeof user?.locale === 'string' && isLocale(user.locale)) return user.locale;
	return baseLocale;
}
