/** A closure as the service form takes it: a day, or a span of days (ISO dates, inclusive). */
export type Closure = { from: string; to: string };

/** Closures one service may list, and the longest span one may cover (days). */
export const MAX_CLOSURES = 30;
const MAX_SPAN_DAYS = 366;

const DATE = String.raw`(\d{4}-\d{2}-\d{2})`;
// "2026-12-25", "2026-12-24 2027-01-02", "2026-12-24 – 2027-01-02", "… to …", "… au …", "… al …".
const LINE = new RegExp(`^${DATE}(?:\\s*(?:–|—|-|to|au|al|a|إلى|حتى)?\\s*${DATE})?$`, 'i');

const isDate = (s: string) => {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * The closures typed in the form, one per line; null when a line is not a date or a span of
 * dates in order (or there are too many). Empty lines are ignored.
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
		out.push({ from, to });
	}
	return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** The form's text for stored closures. */
export function closuresText(closures: Closure[]): string {
	return closures.map((c) => (c.from === c.to ? c.from : `${c.from} – ${c.to}`)).join('\n');
}
