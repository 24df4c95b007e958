import { closedOn, localTime, type Opening } from '../openings.ts';

const clock = (minute: number) =>
	`${Math.floor(minute / 60) % 24}:${String(minute % 60).padStart(2, '0')}`;

const validOn = (o: Opening, date: string) =>
	(!o.validFrom || date >= o.validFrom.slice(0, 10)) &&
	(!o.validTo || date <= o.validTo.slice(0, 10));

/**
 * Today's opening hours where the service is ("9:00-12:00 14:00-18:00"), an overnight opening as
 * one range ("20:00-8:00"); '' when it is closed all day, null when it gives no hours at all.
 */
export function hoursToday(openings: Opening[], now: Date): string | null {
	if (!openings.length) return null;
	if (closedOn(openings, now)) return '';
	const weekly = openings.filter((o) => o.dow > 0);
	if (!weekly.length) return null;
	const { dow, date } = localTime(now, weekly[0].timeZone);
	const tomorrow = (dow % 7) + 1;
	const today = openings
		.filter((o) => o.dow === dow && validOn(o, date))
		.sort((a, b) => a.opens - b.opens);
	const ranges = today
		// The tail of last night's opening belongs to yesterday's range.
		.filter(
			(o) =>
				!(o.opens === 0 && openings.some((y) => y.dow === ((dow + 5) % 7) + 1 && y.closes === 1440))
		)
		.map((o) => {
			const after =
				o.closes === 1440 ? openings.find((t) => t.dow === tomorrow && t.opens === 0) : undefined;
			return `${clock(o.opens)}-${clock(after ? after.closes : o.closes)}`;
		});
	return ranges.join(' ');
}
