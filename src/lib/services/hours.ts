/** One opening interval as the service page shows it (minutes of the local day, ISO weekday). */
export type Interval = { dow: number; opens: number; closes: number };

/** "08:00", and "24:00" for the end of a day. */
export function hhmm(minutes: number) {
	if (minutes === 24 * 60) return '24:00';
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The week's ranges per day, in order. An overnight range is stored as two (20:00–24:00, then
 * 00:00–08:00 the next morning): it is shown once, on the evening it starts, as "20:00–08:00".
 * A day open around the clock stays "00:00–24:00".
 */
export function weeklySlots(intervals: Interval[]): { dow: number; slots: string[] }[] {
	const byDay = new Map<number, Interval[]>();
	for (let dow = 1; dow <= 7; dow++)
		byDay.set(
			dow,
			intervals
				.filter((i) => i.dow === dow)
				.sort((a, b) => a.opens - b.opens || a.closes - b.closes)
		);
	// First which mornings continue the evening before, then each day without them.
	const evenings = new Map<Interval, Interval>();
	const carried = new Set<Interval>();
	for (let dow = 1; dow <= 7; dow++)
		for (const i of byDay.get(dow)!) {
			if (i.closes !== 24 * 60 || i.opens === 0) continue;
			const next = byDay.get((dow % 7) + 1)!;
			const morning = next.find((n) => n.opens === 0 && n.closes < 24 * 60 && !carried.has(n));
			if (morning) {
				carried.add(morning);
				evenings.set(i, morning);
			}
		}
	return [1, 2, 3, 4, 5, 6, 7].map((dow) => ({
		dow,
		slots: byDay
			.get(dow)!
			.filter((i) => !carried.has(i))
			.map((i) => `${hhmm(i.opens)}–${hhmm(evenings.get(i)?.closes ?? i.closes)}`)
	}));
}
