import http from 'node:http';
import { gunzipSync } from 'node:zlib';

// Budgets from docs/budgets.md, in compressed bytes on the wire.
export const BUDGET = { html: 14 * 1024, css: 12 * 1024, js: 40 * 1024 };

/** The bytes the server puts on the wire (as a browser asking for gzip receives them). */
export function compressedSize(url: string, cookie: string) {
	return new Promise<{ status: number; bytes: number; encoded: string | undefined; text: string }>(
		(resolve, reject) => {
			const request = http.get(
				url,
				{ headers: { cookie, 'accept-encoding': 'gzip', accept: 'text/html' } },
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (c: Buffer) => chunks.push(c));
					response.on('end', () => {
						const raw = Buffer.concat(chunks);
						const encoded = response.headers['content-encoding'];
						const text = (encoded === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
						resolve({ status: response.statusCode ?? 0, bytes: raw.byteLength, encoded, text });
					});
				}
			);
			request.on('error', reject);
		}
	);
}
