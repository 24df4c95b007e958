import { localizeHref } from '#lib/i18n/locale-path.ts';

const BASE = 'http://next.invalid';

/**
 * A page of this site to come back to after signing in: a path of this origin only (never
 * "//elsewhere", "https://…" or "/\\elsewhere"), and not a sign-in page itself. Anything else is
 * null, and the person lands on their account.
 */
export function nextPath(value: string | null | undefined): string | null {
	if (!value || value.length > 500) return null;
	if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
	if ([...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) return null;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	if (/^\/(?:[a-z]{2}\/)?(?:sign-in|sign-out|sign-up)(?:\/|$)/.test(url.pathname)) return null;
	return url.pathname + url.search + url.hash;
}

/** The sign-in page, coming back to `url` afterwards. */
export function signInFirst(url: URL) {
	return localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
}
