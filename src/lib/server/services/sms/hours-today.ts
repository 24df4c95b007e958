import { weeklySlots } from '#lib/services/hours.ts';
import { datedOn, localTime, type Opening } from '../openings.ts';
import { hhmm } from '#lib/services/hours.ts';

const validOn = (o: Opening, date: string) =>
	(!o.validFrom || date >= o.validFrom.slice(0, 10)) &&
	(!o.validTo || date <= o.validTo.slice(0, 10));

/**
 * Today's opening hours where the service is ("9:00-12:00 14:00-18:00"), an overnight opening as
 * one range ("20:00-8:00"), as the service page shows them (weeklySlots) but in GSM-7: a hyphen
 * for the dash, no leading zero. '' when it is closed all day, null when it gives no hours at all.
 */
export function hoursToday(openings: Opening[], now: Date): string | null {
	if (!openings.length) return null;
	// A closed date, or a date with its own hours, replaces the week.
	const dated = datedOn(openings, now);
	if (dated.length)
		return dated
			.filter((o) => o.closes > o.opens)
			.sort((a, b) => a.opens - b.opens)
			.map((o) => gsm(`${hhmm(o.opens)}–${hhmm(o.closes)}`))
			.join(' ');
	const weekly = openings.filter((o) => o.dow > 0);
	if (!weekly.length) return null;
	const { dow, date } = localTime(now, weekly[0].timeZone);
	const today = weeklySlots(weekly.filter((o) => validOn(o, date))).find((d) => d.dow === dow);
	return (today?.slots ?? []).map(gsm).join(' ');
}

/** "09:00–12:00" as "9:00-12:00": a hyphen for the dash, no leading zero. */
const gsm = (slot: string) => slot.replace('–', '-').replace(/(^|-)0(\d:)/g, '$1$2');
