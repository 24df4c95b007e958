import type { HsdsSchedule } from './hsds-types.ts';

/**
 * A weekly interval (dow 1–7), or a dated one (dow 0) that replaces the weekly hours from validFrom
 * to validTo: a closure (opens = closes = 0, not open at all those days) or hours on those dates
 * (opens < closes, "09:00–13:00 on 24 December").
 */
export type Opening = {
	dow: number;
	opens: number;
	closes: number;
	timeZone: string;
	validFrom: string | null;
	validTo: string | null;
};

const DAY_INDEX: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

function minutes(time: string | null | undefined): number | null {
	const m = /^(\d{1,2}):(\d{2})/.exec(time ?? '');
	if (!m) return null;
	const value = Number(m[1]) * 60 + Number(m[2]);
	return value <= 24 * 60 ? value : null;
}

/** A fixed UTC offset in hours (HSDS `timezone`) as an IANA zone; Etc/GMT signs are inverted. */
export function offsetZone(offset: number): string | null {
	if (!Number.isInteger(offset) || offset < -12 || offset > 14) return null;
	if (offset === 0) return 'UTC';
	return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/**
 * Weekly opening intervals from HSDS schedules (RFC 5545 style: freq WEEKLY, byday, opens_at,
 * closes_at). Closing at or before opening means overnight: the interval is split at midnight and
 * its second half belongs to the next day. Schedules without days or times are descriptive only.
 */
export function openingsFrom(schedules: HsdsSchedule[], fallbackZone: string): Opening[] {
	const out: Opening[] = [];
	for (const s of schedules) {
		if (isClosure(s)) {
			const timeZone = (typeof s.timezone === 'number' && offsetZone(s.timezone)) || fallbackZone;
			const from = s.valid_from!.slice(0, 10);
			out.push({
				dow: 0,
				opens: 0,
				closes: 0,
				timeZone,
				validFrom: from,
				validTo: s.valid_to?.slice(0, 10) || from
			});
			continue;
		}
		if (isDatedHours(s)) {
			const opens = minutes(s.opens_at);
			const closes = minutes(s.closes_at);
			if (opens === null || closes === null || closes <= opens) continue;
			const timeZone = (typeof s.timezone === 'number' && offsetZone(s.timezone)) || fallbackZone;
			const from = s.valid_from!.slice(0, 10);
			out.push({
				dow: 0,
				opens,
				closes,
				timeZone,
				validFrom: from,
				validTo: s.valid_to?.slice(0, 10) || from
			});
			continue;
		}
		if (s.freq && s.freq.toUpperCase() !== 'WEEKLY') continue;
		const opens = minutes(s.opens_at);
		const closes = minutes(s.closes_at);
		if (opens === null || closes === null) continue;
		const days = (s.byday ?? '')
			.split(',')
			.map((d) => DAY_INDEX[d.trim().toUpperCase().slice(-2)])
			.filter((d): d is number => !!d);
		const timeZone = (typeof s.timezone === 'number' && offsetZone(s.timezone)) || fallbackZone;
		const validFrom = s.valid_from ?? null;
		const validTo = s.valid_to ?? null;
		for (const dow of days) {
			if (closes > opens) {
				out.push({ dow, opens, closes, timeZone, validFrom, validTo });
			} else {
				out.push({ dow, opens, closes: 24 * 60, timeZone, validFrom, validTo });
				if (closes > 0)
					out.push({ dow: (dow % 7) + 1, opens: 0, closes, timeZone, validFrom, validTo });
			}
		}
	}
	return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string) {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			weekday: 'short',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** Local ISO weekday, minute of the day and date of an instant in a time zone. */
export function localTime(at: Date, timeZone: string) {
	const parts = Object.fromEntries(
		formatterFor(timeZone)
			.formatToParts(at)
			.map((p) => [p.type, p.value])
	);
	const dow = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
	return {
		dow,
		minute: Number(parts.hour) * 60 + Number(parts.minute),
		date: `${parts.year}-${parts.month}-${parts.day}`
	};
}

/**
 * A schedule with hours on dates: a first date, opening and closing times, and no weekday or
 * recurrence (HSDS `valid_from`/`valid_to` bound the dates; weekly schedules carry `byday`).
 */
export function isDatedHours(s: HsdsSchedule) {
	return (
		!s.byday &&
		!s.freq &&
		!!s.opens_at &&
		!!s.closes_at &&
		/^\d{4}-\d{2}-\d{2}/.test(s.valid_from ?? '')
	);
}

/** A schedule that closes the service on dates: no times, a first date, and Passerelle's mark. */
export function isClosure(s: HsdsSchedule) {
	return (
		(s.closed === true || s.notes === 'closed') &&
		!s.opens_at &&
		!s.closes_at &&
		/^\d{4}-\d{2}-\d{2}/.test(s.valid_from ?? '')
	);
}

/** The dated openings (closures and hours on dates) covering the day `at` falls on where each is. */
export function datedOn(openings: Opening[], at: Date): Opening[] {
	return openings.filter((o) => {
		if (o.dow !== 0) return false;
		const { date } = localTime(at, o.timeZone);
		return date >= (o.validFrom ?? '') && date <= (o.validTo ?? o.validFrom ?? '');
	});
}

/** Whether the day `at` falls on is a closed date where the service is (no hours given that day). */
export function closedOn(openings: Opening[], at: Date): boolean {
	const dated = datedOn(openings, at);
	return dated.length > 0 && dated.every((o) => o.closes <= o.opens);
}

/**
 * Whether the service is open at `at` (each interval in its own time zone): on a date with its
 * own hours or closed, only those hours count; on other days the weekly ones.
 */
export function isOpenAt(openings: Opening[], at: Date): boolean {
	const dated = datedOn(openings, at);
	if (dated.length)
		return dated.some((o) => {
			const { minute } = localTime(at, o.timeZone);
			return minute >= o.opens && minute < o.closes;
		});
	return openings.some((o) => {
		if (o.dow === 0) return false;
		const local = localTime(at, o.timeZone);
		if (o.validFrom && local.date < o.validFrom.slice(0, 10)) return false;
		if (o.validTo && local.date > o.validTo.slice(0, 10)) return false;
		return local.dow === o.dow && local.minute >= o.opens && local.minute < o.closes;
	});
}
