/**
 * JSON endpoints (/api/*, better-auth included) take small bodies: a sign-in, a profile field. A
 * larger one is refused before anything parses it. adapter-node's BODY_SIZE_LIMIT (4 MB, set in
 * scripts/serve.js for photo uploads) only makes the body stream fail when it is read, and
 * better-auth turned that failure into a 500.
 */
export const API_BODY_LIMIT = 64 * 1024;

export type LimitedBody =
	{ ok: true; body: Uint8Array | null } | { ok: false; reason: 'too_large' | 'unreadable' };

/** Whether the declared Content-Length is over the limit (before any byte is read). */
export function declaredTooLarge(request: Request, limit: number) {
	const declared = Number(request.headers.get('content-length'));
	return Number.isFinite(declared) && declared > limit;
}

/**
 * Reads a body of unknown length (chunked) into memory, stopping as soon as it passes `limit`.
 * A body the server's own limit cut off (SvelteKit's 413) counts as too large as well.
 */
export async function readWithin(request: Request, limit: number): Promise<LimitedBody> {
	if (!request.body) return { ok: true, body: null };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				// Not cancelled: that would reset the connection before the client reads the 413.
				// The rest is drained and dropped once the answer is sent (SvelteKit's setResponse).
				reader.releaseLock();
				return { ok: false, reason: 'too_large' };
			}
			chunks.push(value);
		}
	} catch (error) {
		const status = (error as { status?: unknown }).status;
		return { ok: false, reason: status === 413 ? 'too_large' : 'unreadable' };
	}
	const body = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		body.set(chunk, at);
		at += chunk.byteLength;
	}
	return { ok: true, body };
}
