import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of Passerelle are trusted to say who the client is (TRUST_PROXY):
 * none (the connection's address counts), a number of hops (load balancers that each append to
 * X-Forwarded-For), or the addresses and ranges of the proxies.
 */
export type TrustProxy =
	| { kind: 'none' }
	| { kind: 'hops'; hops: number }
	| { kind: 'list'; entries: string[]; list: BlockList };

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** `::ffff:10.0.0.1` is 10.0.0.1: listening on `::` gives IPv4 clients in that form. */
export function normaliseAddress(address: string): string {
	const a = address.trim();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
	return mapped ? mapped[1] : a.toLowerCase();
}

/**
 * TRUST_PROXY's text: `false` (default), a hop count (`1`), or a comma list of addresses and CIDR
 * ranges (`10.0.0.0/8, 192.168.1.10, fd00::/8`). Returns an error message for anything else.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | string {
	const value = (raw ?? '').trim();
	if (value === '' || /^(false|0|no|off)$/i.test(value)) return { kind: 'none' };
	if (/^\d+$/.test(value)) {
		const hops = Number(value);
		return hops <= 20 ? { kind: 'hops', hops } : 'must be at most 20 hops';
	}
	const list = new BlockList();
	const entries: string[] = [];
	for (const part of value.split(',').map((p) => p.trim())) {
		const [address, bits, extra] = part.split('/');
		const type = isIP(address);
		const max = type === 6 ? 128 : 32;
		if (!type || extra !== undefined || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
			return `must be false, a hop count, or addresses and CIDR ranges separated by commas (not "${part}")`;
		if (bits !== undefined && Number(bits) > max)
			return `has a prefix longer than ${max} bits in "${part}"`;
		const a = normaliseAddress(address);
		if (bits === undefined) list.addAddress(a, family(a));
		else list.addSubnet(a, Number(bits), family(a));
		entries.push(part);
	}
	return { kind: 'list', entries, list };
}

function trusted(trust: TrustProxy & { kind: 'list' }, address: string) {
	return isIP(address) !== 0 && trust.list.check(address, family(address));
}

/**
 * The address that counts for rate limits: the connection's, unless it comes from a trusted
 * proxy, in which case X-Forwarded-For is read from the right (the entries trusted proxies
 * appended) and the first address no trusted proxy vouches for is the client. Entries to the left
 * of it are whatever the client sent and are ignored; so is anything that is not an address.
 */
export function clientAddress(
	remote: string,
	forwardedFor: string | null,
	trust: TrustProxy
): string {
	const peer = normaliseAddress(remote);
	if (trust.kind === 'none' || !forwardedFor) return peer;
	const chain = [
		...forwardedFor
			.split(',')
			.map(normaliseAddress)
			.filter((a) => a !== ''),
		peer
	];
	if (trust.kind === 'hops') {
		// The last `hops` entries are proxies; the one before them is the client. A garbled entry
		// (not an address) is skipped in favour of the nearest real one to its right.
		for (let i = Math.max(0, chain.length - 1 - trust.hops); i < chain.length; i++)
			if (isIP(chain[i])) return chain[i];
		return peer;
	}
	if (!trusted(trust, peer)) return peer;
	for (let i = chain.length - 2; i >= 0; i--) {
		if (!isIP(chain[i])) return chain[i + 1];
		if (!trusted(trust, chain[i])) return chain[i];
	}
	// Every hop is a trusted proxy: the leftmost is as close to the client as we can know.
	return chain[0];
}
