/**
 * A date line of the service form: a day or a span of days (ISO dates, inclusive) on which the
 * weekly hours do not apply. With no `hours` the service is closed on them; with hours it opens
 * only then ("2026-12-24 09:00-13:00": Christmas Eve, mornings only).
 */
export type Closure = { from: string; to: string; hours: [string, string][] };

/** Date lines one service may list, and the longest span one may cover (days). */
export const MAX_CLOSURES = 30;
const MAX_SPAN_DAYS = 366;
/** Openings one date line may give (a lunch break makes two). */
const MAX_RANGES = 2;

const DATE = String.raw`(\d{4}-\d{2}-\d{2})`;
const SPAN = String.raw`\s*(?:–|—|-|to|au|al|a|إلى|حتى)?\s*`;
const TIME = String.raw`\d{1,2}[:h.]\d{2}`;
const RANGE = new RegExp(`^(${TIME})\\s*(?:–|—|-|to|à|a|إلى)\\s*(${TIME})$`, 'i');
// "2026-12-25", "2026-12-24 2027-01-02", "2026-12-24 – 2027-01-02", "… to …", "… au …", "… al …",
// each optionally followed by hours: "2026-12-24 09:00-13:00", "… 9:00–12:00, 14:00–16:00".
const LINE = new RegExp(`^${DATE}(?:${SPAN}${DATE})?(?:\\s*:?\\s+(.+))?$`, 'i');

const isDate = (s: string) => {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** "9h30" or "9.30" → "09:30"; null past 24:00. */
function time(text: string): string | null {
	const [h, m] = text.split(/[:h.]/i).map(Number);
	if (h > 24 || m > 59 || (h === 24 && m > 0)) return null;
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The hours after the dates: one or two same-day ranges in order, or null. */
function ranges(text: string): [string, string][] | null {
	const parts = text.split(
		/\s*(?:,|;|\/|\s(?:and|et|y|و)\s)\s*|\s+(?=\d{1,2}[:h.]\d{2}\s*(?:–|—|-))/i
	);
	if (parts.length > MAX_RANGES) return null;
	const out: [string, string][] = [];
	for (const part of parts) {
		const m = RANGE.exec(part.trim());
		if (!m) return null;
		const [opens, closes] = [time(m[1]), time(m[2])];
		if (!opens || !closes || closes <= opens) return null;
		if (out.length && opens < out[out.length - 1][1]) return null;
		out.push([opens, closes]);
	}
	return out;
}

/**
 * The date lines typed in the form, one per line; null when a line is not a date or a span of
 * dates in order, optionally with opening ranges of the same day in order (or there are too many).
 * Empty lines are ignored.
 */
export function parseClosures(text: string): Closure[] | null {
	const lines = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	if (lines.length > MAX_CLOSURES) return null;
	const out: Closure[] = [];
	for (const line of lines) {
		const match = LINE.exec(line);
		if (!match) return null;
		const [from, to = match[1]] = [match[1], match[2]];
		if (!isDate(from) || !isDate(to) || to < from) return null;
		const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
		if (days > MAX_SPAN_DAYS) return null;
		const hours = match[3] ? ranges(match[3]) : [];
		if (!hours) return null;
		out.push({ from, to, hours });
	}
	return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** The form's text for stored date lines. */
export function closuresText(closures: Closure[]): string {
	return closures
		.map((c) => {
			const dates = c.from === c.to ? c.from : `${c.from} – ${c.to}`;
			return c.hours.length ? `${dates} ${c.hours.map(([o, e]) => `${o}–${e}`).join(', ')}` : dates;
		})
		.join('\n');
}
