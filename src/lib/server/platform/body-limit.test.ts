import { describe, expect, it } from 'vitest';
import { declaredTooLarge, readWithin } from './body-limit.ts';

function chunked(...parts: string[]) {
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
			controller.close();
		}
	});
	return new Request('http://x/api/auth/sign-in/email', {
		method: 'POST',
		body,
		duplex: 'half'
	} as RequestInit);
}

describe('JSON body limit', () => {
	it('knows a body is too large from its declared length alone', () => {
		const big = new Request('http://x', {
			method: 'POST',
			headers: { 'content-length': '6000000' }
		});
		expect(declaredTooLarge(big, 65_536)).toBe(true);
		expect(declaredTooLarge(new Request('http://x', { method: 'POST', body: '{}' }), 65_536)).toBe(
			false
		);
	});

	it('reads a chunked body within the limit and stops past it', async () => {
		const read = await readWithin(chunked('{"a":', '1}'), 100);
		expect(read.ok && new TextDecoder().decode(read.body!)).toBe('{"a":1}');
		expect(await readWithin(chunked('x'.repeat(60), 'x'.repeat(60)), 100)).toEqual({
			ok: false,
			reason: 'too_large'
		});
	});

	it('counts a body the server already cut off (SvelteKit 413) as too large', async () => {
		const body = new ReadableStream({
			start(controller) {
				controller.error(Object.assign(new Error('Payload Too Large'), { status: 413 }));
			}
		});
		const request = new Request('http://x', {
			method: 'POST',
			body,
			duplex: 'half'
		} as RequestInit);
		expect(await readWithin(request, 100)).toEqual({ ok: false, reason: 'too_large' });
	});
});
