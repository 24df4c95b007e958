/** Scales for the charts and the map: round numbers, so axes and legends read without effort. */

const STEPS = [1, 2, 2.5, 5, 10];

/** Evenly spaced round ticks from 0 that reach `max` (at least one tick above 0). */
export function ticks(max: number, count = 4): number[] {
	if (max <= 0) return [0, 1];
	const rough = max / count;
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = power * STEPS.find((s) => s * power >= rough)!;
	const top = Math.ceil(max / step) * step;
	return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/** The unit an axis counts in, so its labels stay short numbers (no words inside the drawing). */
export function unitFor(max: number): 1 | 1_000 | 1_000_000 {
	return max >= 10_000_000 ? 1_000_000 : max >= 10_000 ? 1_000 : 1;
}

/**
 * Lower bounds of up to five classes for a choropleth: 1, then round numbers spread on a logarithmic
 * scale up to `max` (counts of people range from a few to millions).
 */
export function classBreaks(max: number): number[] {
	const bounds = [1];
	for (let i = 1; i < 5; i++) {
		const target = max ** (i / 5);
		const power = 10 ** Math.floor(Math.log10(target));
		const round = power * ([1, 2, 5, 10].find((s) => s * power >= target) ?? 10);
		if (round > bounds.at(-1)! && round <= max) bounds.push(round);
	}
	return bounds;
}

/** The class of a value: 0 for none, then 1 to the number of bounds. */
export function classOf(value: number, bounds: number[]): number {
	let k = 0;
	while (k < bounds.length && value >= bounds[k]) k++;
	return k;
}
