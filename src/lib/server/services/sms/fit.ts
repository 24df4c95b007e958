import { SegmentedMessage } from 'sms-segments-calculator';

/** One service as a text line shows it. */
export type SmsLine = { name: string; phone: string | null; hours: string | null; link: string };

/** How many SMS a text takes (GSM-7: 160 characters in one; UCS-2, e.g. Arabic: 70). */
export function segmentsOf(text: string): number {
	return new SegmentedMessage(text).segmentsCount;
}

const fits = (text: string) => segmentsOf(text) === 1;

/** A name cut to `length` characters with a mark that keeps the text's encoding. */
function cut(name: string, length: number) {
	const chars = Array.from(name);
	if (chars.length <= length) return name;
	const mark = fits(name) && new SegmentedMessage(name).encodingName === 'GSM-7' ? '...' : '…';
	return (
		chars
			.slice(0, Math.max(1, length - mark.length))
			.join('')
			.trimEnd() + mark
	);
}

/** A service's line, from fullest to leanest: hours go first, then the name shortens, then the phone. */
function variants(line: SmsLine): string[] {
	const tail = (phone: boolean, hours: boolean) =>
		[phone && line.phone, hours && line.hours, line.link].filter(Boolean).join(' ');
	const out = [`${line.name} ${tail(true, true)}`, `${line.name} ${tail(true, false)}`];
	for (const length of [40, 30, 22, 16, 12])
		out.push(`${cut(line.name, length)} ${tail(true, false)}`);
	for (const length of [16, 10, 6]) out.push(`${cut(line.name, length)} ${tail(false, false)}`);
	return out;
}

/**
 * As many services as one SMS holds, nearest first, each line as full as room allows, and the
 * "send MORE" line when some are left over. The first service is always there, however lean.
 */
export function fitLines(
	lines: SmsLine[],
	moreHint: string,
	moreAfter = false
): { text: string; used: number } {
	const chosen: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		const left = i + 1 < lines.length || moreAfter;
		const candidate = variants(lines[i]).find((v) => {
			const text = [...chosen, v, ...(left ? [moreHint] : [])].join('\n');
			return fits(text);
		});
		if (candidate) {
			chosen.push(candidate);
			continue;
		}
		if (i > 0) break;
		chosen.push(variants(lines[0]).at(-1)!);
	}
	const used = chosen.length;
	const text = [...chosen, ...(used < lines.length || moreAfter ? [moreHint] : [])].join('\n');
	return { text: fits(text) ? text : chosen.join('\n'), used };
}
