import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import bidiFactory from 'bidi-js';

/**
 * Text for PDFs in any of the platform's languages, Arabic included (docs/decisions/0033).
 * PDFKit shapes a word with the font's own OpenType rules (Arabic letters join), but lays out a
 * line's words left to right; the Unicode Bidirectional Algorithm (bidi-js) gives the visual
 * order here, and each script gets a font that has its letters (Noto Sans, Noto Sans Arabic,
 * bundled from npm so nothing is fetched at run time).
 */

export type FontFace = 'latin' | 'arabic' | 'latin-bold' | 'arabic-bold';

const FILES: Record<FontFace, string> = {
	latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
	'latin-bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
	arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
	'arabic-bold': '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'
};

let fonts: Record<FontFace, Buffer> | null = null;

/** The font files, read once. */
export function fontFiles(): Record<FontFace, Buffer> {
	if (!fonts) {
		const require = createRequire(import.meta.url);
		fonts = Object.fromEntries(
			Object.entries(FILES).map(([face, file]) => [face, readFileSync(require.resolve(file))])
		) as Record<FontFace, Buffer>;
	}
	return fonts;
}

/** A piece of a line, in the order it is drawn from the left: its text in logical order. */
export type Piece = { text: string; face: 'latin' | 'arabic'; space: boolean };

const bidi = bidiFactory();
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/**
 * One line of text as pieces drawn left to right: runs of one embedding level, cut at spaces;
 * a right-to-left run without right-to-left letters (brackets, dashes) is cut into characters,
 * mirrored, so the order below is the whole of it. Words of Arabic stay in logical order: the
 * font's shaping draws them right to left.
 */
export function visualPieces(line: string, direction: 'ltr' | 'rtl'): Piece[] {
	const text = line.replace(/\s+/g, ' ').trim();
	if (!text) return [];
	const { levels } = bidi.getEmbeddingLevels(text, direction);
	const logical: { text: string; level: number }[] = [];
	let i = 0;
	while (i < text.length) {
		const level = levels[i];
		const space = text[i] === ' ';
		let j = i + 1;
		while (j < text.length && levels[j] === level && (text[j] === ' ') === space) j++;
		const run = text.slice(i, j);
		if (level % 2 === 1 && !space && !STRONG_RTL.test(run)) {
			for (const ch of run) logical.push({ text: bidi.getMirroredCharacter(ch) ?? ch, level });
		} else logical.push({ text: run, level });
		i = j;
	}
	// Rule L2: from the highest level down to the lowest odd one, reverse every sequence of
	// pieces at that level or higher.
	const highest = Math.max(...logical.map((p) => p.level));
	const lowestOdd = Math.min(...logical.map((p) => (p.level % 2 ? p.level : p.level + 1)));
	for (let level = highest; level >= lowestOdd; level--) {
		for (let a = 0; a < logical.length;) {
			if (logical[a].level < level) {
				a++;
				continue;
			}
			let b = a;
			while (b + 1 < logical.length && logical[b + 1].level >= level) b++;
			logical.splice(a, b - a + 1, ...logical.slice(a, b + 1).reverse());
			a = b + 1;
		}
	}
	return logical.map((p) => ({
		text: p.text,
		face: ARABIC.test(p.text) ? 'arabic' : 'latin',
		space: p.text === ' '
	}));
}

/** Words of a text in logical order, greedily filled into lines no wider than `width`. */
export function wrapWords(text: string, width: number, measure: (s: string) => number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && measure(next) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}
