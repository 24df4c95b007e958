import { createHash } from 'node:crypto';

/** Deterministic pseudo-random numbers (mulberry32): the same seed builds the same population. */
export function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A function that picks one element of a list with the given generator. */
export const picker =
	(rnd: () => number) =>
	<T>(list: readonly T[]): T =>
		list[Math.floor(rnd() * list.length)];

const digest = (seed: number, key: (string | number)[]) =>
	createHash('sha256')
		.update(`${seed}:${key.join(':')}`)
		.digest('hex');

/** A UUID-shaped id from the seed and a key (HSDS wants uuids; the same run gives the same ids). */
export function idFor(seed: number, ...key: (string | number)[]) {
	const h = digest(seed, key);
	const variant = '89ab'[parseInt(h[16], 16) & 3];
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A 32-bit seed from the run's seed and a key, for values that must not depend on list order. */
export function seedFor(seed: number, ...key: (string | number)[]) {
	return parseInt(digest(seed, key).slice(0, 8), 16);
}

export const chunks = <T>(rows: T[], size: number) =>
	Array.from({ length: Math.ceil(rows.length / size) }, (_, i) =>
		rows.slice(i * size, (i + 1) * size)
	);
