import { TZDate } from '@date-fns/tz';

/** An IANA time zone this runtime knows ("Africa/Lagos"); anything else is refused. */
export function isTimeZone(zone: string) {
	if (!zone || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/**
 * The instant of a wall-clock date and time in a zone ("2026-12-10", "18:00", "Africa/Lagos"),
 * or null when that time does not exist there (the hour skipped when clocks go forward). An hour
 * that happens twice (clocks going back) is its later occurrence.
 */
export function zonedToUtc(date: string, time: string, zone: string): Date | null {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})$/.exec(time);
	if (!d || !t || !isTimeZone(zone)) return null;
	const [y, mo, day, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
	if (mo < 1 || mo > 12 || day < 1 || day > 31 || h > 23 || mi > 59) return null;
	const at = new TZDate(y, mo - 1, day, h, mi, zone);
	if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== day) return null;
	if (at.getHours() !== h || at.getMinutes() !== mi) return null;
	return new Date(at.getTime());
}

/** The wall-clock date and time of an instant in a zone, as a form shows them. */
export function utcToZoned(at: Date, zone: string) {
	const z = new TZDate(at.getTime(), zone);
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
		time: `${pad(z.getHours())}:${pad(z.getMinutes())}`
	};
}

/** "Thursday 10 December 2026, 18:00 – 20:00 (Africa/Lagos)" in the reader's language. */
export function formatRange(start: Date, end: Date, zone: string, locale: string) {
	const f = new Intl.DateTimeFormat(locale, {
		dateStyle: 'full',
		timeStyle: 'short',
		timeZone: zone
	});
	return `${f.formatRange(start, end)} (${zone.replace(/_/g, ' ')})`;
}
