import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { normaliseAddress } from './client-address.ts';

export type MetricsAccess = 'allow' | 'unauthorized' | 'forbidden';

const digest = (text: string) => createHash('sha256').update(text).digest();

function isLoopback(address: string) {
	const a = normaliseAddress(address);
	return (isIP(a) === 4 && a.startsWith('127.')) || a === '::1';
}

/**
 * Who may read /metrics (per-route counts and timings are not for the public). With
 * METRICS_TOKEN set: whoever sends `Authorization: Bearer <token>`, from anywhere. Without it: only
 * a scraper on the machine itself — a loopback connection that no proxy forwarded, since a proxy
 * on the same host makes every visitor's connection look local.
 */
export function metricsAccess(input: {
	token: string | undefined;
	authorization: string | null;
	peerAddress: string;
	forwarded: boolean;
}): MetricsAccess {
	if (input.token) {
		const sent = /^Bearer +(\S+)\s*$/i.exec(input.authorization ?? '')?.[1];
		// Compared as digests: same length whatever was sent, in constant time.
		return sent && timingSafeEqual(digest(sent), digest(input.token)) ? 'allow' : 'unauthorized';
	}
	return isLoopback(input.peerAddress) && !input.forwarded ? 'allow' : 'forbidden';
}
