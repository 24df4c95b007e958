import * as m from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { SKILL_ENTRY_KINDS } from '#lib/skills/forms.ts';
import { entryCells } from '#lib/skills/cells.ts';
import { t } from '#lib/ui/t.ts';
import { pdfCanvas, type Direction } from '../platform/pdf-canvas.ts';
import type { SkillsProfile } from './profile.ts';

const WIDTH = 595.28;
const HEIGHT = 841.89;
const MARGIN = 48;
const GAP = 24;
const COLUMN = (WIDTH - 2 * MARGIN - GAP) / 2;
const MUTED = '#51606d';
const RULE = '#c9d1d9';

const directionOf = (l: Locale): Direction => (l === 'ar' ? 'rtl' : 'ltr');

/**
 * A skills profile to hand over (A4 portrait): the person's name, then each part of the profile
 * in two columns, the reader's language on the side their reading starts and the other language
 * beside it, as the page shows it (docs/decisions/0035). An entry's two sides share a row.
 */
export async function skillsPdf(
	p: { name: string; profile: SkillsProfile; madeOn: Date; site: string },
	reader: Locale,
	beside: Locale
): Promise<Buffer> {
	const canvas = pdfCanvas({
		size: [WIDTH, HEIGHT],
		lang: reader,
		direction: directionOf(reader),
		info: {
			Title: `${m.skills_pdf_heading({}, { locale: reader })}: ${p.name}`,
			Author: p.site,
			Subject: p.name
		}
	});
	const { doc } = canvas;
	const both: Locale[] = [reader, beside];
	// Left to right on the page: the reader's column first for a left-to-right reader.
	const leftOf = (i: number) => {
		const first = directionOf(reader) === 'ltr' ? i === 0 : i === 1;
		return first ? MARGIN : MARGIN + COLUMN + GAP;
	};
	let y = MARGIN;
	const room = (h: number) => {
		if (y + h <= HEIGHT - MARGIN) return;
		doc.addPage({ size: [WIDTH, HEIGHT], margin: 0 });
		y = MARGIN;
	};
	/** One row: each language's text wrapped in its own column, the row as tall as the taller. */
	const row = (texts: string[], size: number, opts: { bold?: boolean; color?: string } = {}) => {
		const lines = both.map((l, i) =>
			canvas.wrap(texts[i], COLUMN, { size, bold: opts.bold, direction: directionOf(l) })
		);
		const height = Math.max(1, ...lines.map((ls) => ls.length)) * size * 1.4;
		room(height);
		both.forEach((l, i) =>
			lines[i].forEach((text, k) =>
				canvas.line(
					text,
					y + k * size * 1.4,
					{ size, bold: opts.bold, color: opts.color, direction: directionOf(l), align: 'start' },
					leftOf(i),
					COLUMN
				)
			)
		);
		y += height;
	};

	row(
		both.map((l) => m.skills_pdf_heading({}, { locale: l })),
		18,
		{ bold: true }
	);
	row([p.name, p.name], 14, { bold: true });
	const when = (l: Locale) =>
		new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' }).format(p.madeOn);
	row(
		both.map((l) => m.skills_pdf_made({ date: when(l), site: p.site }, { locale: l })),
		9,
		{ color: MUTED }
	);
	for (const kind of SKILL_ENTRY_KINDS) {
		const entries = p.profile[kind];
		if (!entries.length) continue;
		y += 14;
		room(40);
		doc
			.lineWidth(0.5)
			.strokeColor(RULE)
			.moveTo(MARGIN, y)
			.lineTo(WIDTH - MARGIN, y)
			.stroke();
		y += 6;
		row(
			both.map((l) => t(`skills_${kind}`, {}, l)),
			12,
			{ bold: true }
		);
		for (const e of entries) {
			row(
				both.map((l) => entryCells(e, l).join(' · ')),
				10
			);
			y += 3;
		}
	}
	return canvas.finish();
}
