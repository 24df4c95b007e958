import {
	getLocale,
	locales,
	localizeHref as paraglideLocalizeHref,
	type Locale
} from '#lib/paraglide/runtime.js';

// Every locale lives under its own prefix (/en/…, /ar/…: vite.config.ts). Reading and writing the
// prefix with one regular expression does what paraglide's deLocalizeUrl and localizeHref do for
// these patterns without their URLPattern matching, which cost every request a few per cent of CPU
// and a quarter of a page's rendering (every link). locale-path.test.ts holds them to paraglide's
// answers.
const PREFIX = new RegExp(`^/(?:${locales.join('|')})(?=/|$)`);

/** The route's path without its locale prefix: /fr/members → /members, /en → /, /api/… as it is. */
export function withoutLocale(pathname: string): string {
	const prefix = PREFIX.exec(pathname);
	return prefix ? pathname.slice(prefix[0].length) || '/' : pathname;
}

/**
 * An address of this site in a locale (the current one unless given): /members?q=x → /fr/members?q=x.
 * Anything that is not a path of this site (another origin, a relative path) goes to paraglide.
 */
export function localizeHref(href: string, options?: { locale?: Locale }): string {
	if (!href.startsWith('/') || href.startsWith('//')) return paraglideLocalizeHref(href, options);
	const locale = options?.locale ?? getLocale();
	const split = href.search(/[?#]/);
	const path = split === -1 ? href : href.slice(0, split);
	const rest = split === -1 ? '' : href.slice(split);
	// as paraglide: no trailing slash
	const bare = withoutLocale(path).replace(/\/+$/, '');
	return `/${locale}${bare}${rest}`;
}
