import * as m from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { wrapWords } from '../platform/pdf-text.ts';
import { pdfCanvas } from '../platform/pdf-canvas.ts';
import { qrSquares } from '../platform/qr.ts';

export type PrintedCertificate = {
	id: string;
	learner: string;
	course: string;
	issuer: string;
	organisation: string | null;
	issuedAt: Date;
	/** The public verification page, which the QR code opens. */
	url: string;
	/** The signed credential, attached to the PDF as its holder keeps it. */
	credential: unknown;
};

const WIDTH = 841.89;
const HEIGHT = 595.28;
const INK = '#1d2a36';
const MUTED = '#51606d';

/**
 * The printable certificate (A4 landscape): the learner, the course, who issued it and when, a
 * QR code that opens the public verification page and its address written out, and the signed
 * Open Badges credential attached inside the file. Labels in the reader's language, right to
 * left in Arabic.
 */
export async function certificatePdf(c: PrintedCertificate, locale: Locale): Promise<Buffer> {
	const o = { locale };
	const rtl = locale === 'ar';
	const direction = rtl ? 'rtl' : 'ltr';
	const heading = m.certificate_pdf_heading({}, o);
	const canvas = pdfCanvas({
		size: [WIDTH, HEIGHT],
		lang: locale,
		direction,
		info: { Title: `${heading}: ${c.course}`, Author: c.issuer, Subject: c.learner }
	});
	const { doc, widthOf } = canvas;
	const line = (
		text: string,
		y: number,
		style: { size: number; bold?: boolean; color?: string; align: 'centre' | 'start' },
		x = WIDTH / 2,
		width = 0
	) => canvas.line(text, y, style, x, width);
	/** A text that may be long: the largest size from `size` down to `min` that fits, else lines. */
	const block = (text: string, y: number, size: number, min: number, bold: boolean, max = 680) => {
		let s = size;
		while (s > min && widthOf(text, s, bold) > max) s -= 1;
		const lines = wrapWords(text, max, (t) => widthOf(t, s, bold)).slice(0, 3);
		lines.forEach((l, i) => line(l, y + i * s * 1.35, { size: s, bold, align: 'centre' }));
		return y + lines.length * s * 1.35;
	};

	doc
		.lineWidth(2)
		.strokeColor('#0b5394')
		.rect(24, 24, WIDTH - 48, HEIGHT - 48)
		.stroke();
	doc
		.lineWidth(0.5)
		.rect(32, 32, WIDTH - 64, HEIGHT - 64)
		.stroke();
	line(c.issuer, 62, { size: 14, color: MUTED, align: 'centre' });
	line(heading, 96, { size: 32, bold: true, align: 'centre' });
	line(m.certificate_awarded_to({}, o), 168, { size: 13, color: MUTED, align: 'centre' });
	let y = block(c.learner, 190, 28, 20, true);
	line(m.certificate_for({}, o), y + 14, { size: 13, color: MUTED, align: 'centre' });
	y = block(c.course, y + 36, 22, 16, false);
	const when = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
	const by = c.organisation ? `${c.organisation} · ${c.issuer}` : c.issuer;
	line(`${m.certificate_by({}, o)} ${by}`, y + 18, { size: 12, align: 'centre' });
	line(`${m.certificate_on({}, o)} ${when.format(c.issuedAt)}`, y + 38, {
		size: 12,
		align: 'centre'
	});

	// The QR code and what it opens, at the foot, on the side the reading starts from.
	const qr = qrSquares(c.url);
	const side = 96;
	const cell = side / (qr.size + 8);
	const qrLeft = rtl ? 56 : WIDTH - 56 - side;
	const qrTop = HEIGHT - 56 - side;
	doc.rect(qrLeft, qrTop, side, side).fill('#ffffff');
	for (const [col, row] of qr.dark)
		doc.rect(qrLeft + (col + 4) * cell, qrTop + (row + 4) * cell, cell, cell);
	doc.fill(INK);
	const textLeft = rtl ? 56 + side + 16 : 60;
	const textWidth = WIDTH - 56 - side - 16 - 60;
	const foot = (text: string, dy: number, size = 9) =>
		line(text, qrTop + dy, { size, color: MUTED, align: 'start' }, textLeft, textWidth);
	foot(m.certificate_pdf_check({}, o), 24, 10);
	doc.font('latin').fontSize(9).fillColor(INK);
	const urlWidth = doc.widthOfString(c.url);
	doc.text(c.url, rtl ? textLeft + textWidth - urlWidth : textLeft, qrTop + 51, {
		lineBreak: false,
		baseline: 'alphabetic',
		link: c.url
	});
	foot(m.certificate_pdf_attached({}, o), 62);

	doc.file(Buffer.from(JSON.stringify(c.credential, null, 2)), {
		name: `certificate-${c.id}.json`,
		type: 'application/ld+json',
		description: 'Open Badges 3.0'
	});
	return canvas.finish();
}
