import { locales } from '#lib/paraglide/runtime.js';

// Every locale lives under its own prefix (/en/…, /ar/…: vite.config.ts). Reading the prefix with
// one regular expression does what paraglide's deLocalizeUrl does for these patterns without its
// URLPattern matching, which cost every request (API and assets included) a few per cent of CPU.
const PREFIX = new RegExp(`^/(?:${locales.join('|')})(?=/|$)`);

/** The route's path without its locale prefix: /fr/members → /members, /en → /, /api/… as it is. */
export function withoutLocale(pathname: string): string {
	const prefix = PREFIX.exec(pathname);
	return prefix ? pathname.slice(prefix[0].length) || '/' : pathname;
}
