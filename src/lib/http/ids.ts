import { z } from 'zod';

/**
 * The one parser for ids and path parameters (client-safe). Every dynamic segment and every id
 * taken from a query string goes through here before it reaches the database: PostgreSQL refuses a
 * NUL byte in text (a 500 if it gets that far), and an id never needs control characters, bidi
 * overrides, slashes or more than a couple of hundred characters.
 */

/** Opaque ids: better-auth's (32 letters and digits), UUIDs, HSDS ids (`urn:uuid:…`). */
export const textId = z
	.string()
	.max(200)
	.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/);

/** A UUID in its canonical text form (any version: the default taxonomy's ids are fixed). */
export const uuid = z
	.string()
	.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** An organisation's slug: search-key words (any script) joined by dashes. */
export const slug = z
	.string()
	.max(120)
	.regex(/^[\p{L}\p{N}][\p{L}\p{N}-]*$/u);

/** A short link code (/s/<code>). */
export const shortCode = z.string().regex(/^[A-Za-z0-9]{4,16}$/);

export const ID_KINDS = { id: textId, uuid, slug, shortCode } as const;
export type IdKind = keyof typeof ID_KINDS;

/** The value if it is a well-formed id of this kind, else null. */
export function parseId(kind: IdKind, value: unknown): string | null {
	const parsed = ID_KINDS[kind].safeParse(value);
	return parsed.success ? parsed.data : null;
}

/**
 * One of a fixed set of names (a photo size, a tab): only the object's own keys count, so
 * `toString`, `constructor` or `__proto__` are not mistaken for one.
 */
export function ownKey<T extends object>(allowed: T, value: unknown): (keyof T & string) | null {
	return typeof value === 'string' && Object.hasOwn(allowed, value)
		? (value as keyof T & string)
		: null;
}

/**
 * C0 controls (NUL included) and DEL: no path and no query value needs them. Tab, line feed and
 * carriage return may appear in a query value (a pasted search), never in a path.
 */
function hasControl(text: string, allowWhitespace: boolean) {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x7f || (c < 0x20 && !(allowWhitespace && (c === 9 || c === 10 || c === 13))))
			return true;
	}
	return false;
}

/** Whether a request's path or query string carries characters no route accepts. */
export function hasControlCharacters(url: URL): boolean {
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		// Malformed escapes: SvelteKit answers those itself.
		return false;
	}
	if (hasControl(path, false)) return true;
	for (const [key, value] of url.searchParams)
		if (hasControl(key, true) || hasControl(value, true)) return true;
	return false;
}
