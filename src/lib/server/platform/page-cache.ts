import { randomBytes } from 'node:crypto';

/**
 * A few seconds of memory for public pages seen by visitors (no session), so that a burst of people
 * opening the same service search or service page costs one rendering, not hundreds. Each answer gets
 * a fresh CSP nonce: the cached nonce is replaced in the body and the header, so nonces are never
 * reused. Responses that set a cookie, vary on anything else or are not 200 are never kept; of
 * JSON, only the public API answers isCacheable lets through (open opportunities).
 */
export type PageCache = {
	get(key: string, now?: number): Response | null;
	put(key: string, response: Response, now?: number): Promise<void>;
	size(): number;
};

type Entry = { body: string; headers: [string, string][]; nonce: string | null; expires: number };

const NONCE = /'nonce-([A-Za-z0-9+/=_-]{8,})'/;

export function createPageCache(opts: { seconds: number; maxEntries?: number }): PageCache {
	const entries = new Map<string, Entry>();
	const max = opts.maxEntries ?? 500;
	return {
		get(key, now = Date.now()) {
			const entry = entries.get(key);
			if (!entry) return null;
			if (entry.expires <= now) {
				entries.delete(key);
				return null;
			}
			const fresh = entry.nonce ? randomBytes(16).toString('base64') : null;
			const swap = (text: string) =>
				entry.nonce && fresh ? text.replaceAll(entry.nonce, fresh) : text;
			const headers = new Headers(entry.headers.map(([k, v]) => [k, swap(v)]));
			headers.set('x-page-cache', 'hit');
			return new Response(swap(entry.body), { status: 200, headers });
		},
		async put(key, response, now = Date.now()) {
			if (opts.seconds <= 0 || response.status !== 200) return;
			if (response.headers.has('set-cookie')) return;
			const type = response.headers.get('content-type') ?? '';
			if (!type.startsWith('text/html') && !type.startsWith('application/json')) return;
			const body = await response.clone().text();
			const csp = response.headers.get('content-security-policy') ?? '';
			const nonce = NONCE.exec(csp)?.[1] ?? null;
			if (entries.size >= max) entries.delete(entries.keys().next().value as string);
			entries.set(key, {
				body,
				headers: [...response.headers.entries()].filter(([k]) => k !== 'content-length'),
				nonce,
				expires: now + opts.seconds * 1000
			});
		},
		size: () => entries.size
	};
}

/** Public pages (and API answers) whose content depends only on their address for a visitor. */
const PUBLIC_PAGES =
	/^\/(en|fr|es|ar)(\/(services(\/[0-9a-f-]{36})?|members|map|countries(\/[a-z]{2})?|opportunities))?$|^\/api\/v1\/opportunities(\/[0-9a-f-]{36})?$/;

/** Only visitors' GETs of public pages: a session cookie (or any form post) goes straight through. */
export function isCacheable(request: Request, url: URL) {
	if (request.method !== 'GET') return false;
	if (!PUBLIC_PAGES.test(url.pathname)) return false;
	if (url.search.length > 300) return false;
	const cookie = request.headers.get('cookie') ?? '';
	return !/session_token/.test(cookie);
}
