import PDFDocument from 'pdfkit';
import { fontFiles, visualPieces, wrapWords, type FontFace } from './pdf-text.ts';

export type Direction = 'ltr' | 'rtl';

export type LineStyle = {
	size: number;
	bold?: boolean;
	color?: string;
	/** The base direction of the line; the canvas's own when left out. */
	direction?: Direction;
	/** Centred on `x`, or from `x` over `width` on the side the reading starts. */
	align: 'centre' | 'start';
};

/**
 * A PDFKit document that draws lines in any of the platform's languages (docs/decisions/0033):
 * pieces in visual order, each in a font that has its letters, on one baseline. What the
 * certificate and the skills profile share.
 */
export function pdfCanvas(options: {
	size: [number, number];
	lang: string;
	direction: Direction;
	info: PDFKit.DocumentInfo;
}) {
	const doc = new PDFDocument({
		size: options.size,
		margin: 0,
		lang: options.lang,
		displayTitle: true,
		pdfVersion: '1.7',
		info: options.info
	});
	const files = fontFiles();
	for (const face of Object.keys(files) as FontFace[]) doc.registerFont(face, files[face]);
	const chunks: Buffer[] = [];
	doc.on('data', (b: Buffer) => chunks.push(b));
	const ended = new Promise<void>((resolve, reject) => {
		doc.on('end', () => resolve());
		doc.on('error', reject);
	});

	const faceOf = (face: 'latin' | 'arabic', bold: boolean): FontFace =>
		bold ? `${face}-bold` : face;
	const widthOf = (text: string, size: number, bold = false, direction = options.direction) =>
		visualPieces(text, direction).reduce(
			(w, p) => w + doc.font(faceOf(p.face, bold)).fontSize(size).widthOfString(p.text),
			0
		);
	/** One line whose top is at `y`. */
	const line = (text: string, y: number, style: LineStyle, x: number, width = 0) => {
		const bold = !!style.bold;
		const direction = style.direction ?? options.direction;
		const w = widthOf(text, style.size, bold, direction);
		let left = style.align === 'centre' ? x - w / 2 : direction === 'rtl' ? x + width - w : x;
		doc.fillColor(style.color ?? '#1d2a36');
		for (const p of visualPieces(text, direction)) {
			doc.font(faceOf(p.face, bold)).fontSize(style.size);
			// One baseline for every script: the fonts' ascents differ.
			if (!p.space)
				doc.text(p.text, left, y + style.size, { lineBreak: false, baseline: 'alphabetic' });
			left += doc.widthOfString(p.text);
		}
	};
	/** A text cut into lines no wider than `width` in the given style. */
	const wrap = (
		text: string,
		width: number,
		style: Pick<LineStyle, 'size' | 'bold' | 'direction'>
	) => wrapWords(text, width, (t) => widthOf(t, style.size, !!style.bold, style.direction));

	return {
		doc,
		widthOf,
		line,
		wrap,
		/** Ends the document and gives its bytes. */
		async finish(): Promise<Buffer> {
			doc.end();
			await ended;
			return Buffer.concat(chunks);
		}
	};
}
