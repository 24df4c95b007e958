import { describe, expect, it } from 'vitest';
import { visualPieces, wrapWords } from './pdf-text.ts';

const drawn = (line: string, dir: 'ltr' | 'rtl') =>
	visualPieces(line, dir)
		.filter((p) => !p.space)
		.map((p) => `${p.face === 'arabic' ? 'A' : 'L'}:${p.text}`);

describe('text for PDFs', () => {
	it('a left-to-right line is drawn as written, in the Latin font', () => {
		expect(drawn('Certificate of  completion', 'ltr')).toEqual([
			'L:Certificate',
			'L:of',
			'L:completion'
		]);
	});

	it('Arabic words are drawn from the right, each in logical order for the font to shape', () => {
		expect(drawn('شهادة إتمام الدورة', 'rtl')).toEqual(['A:الدورة', 'A:إتمام', 'A:شهادة']);
	});

	it('numbers and Latin names inside Arabic stay left to right; brackets are mirrored', () => {
		expect(drawn('الجزء 12 من Open Badges', 'rtl')).toEqual([
			'L:Open',
			'L:Badges',
			'A:من',
			'L:12',
			'A:الجزء'
		]);
		expect(drawn('دورة (الجزء 2)', 'rtl')).toEqual(['L:(', 'L:2', 'A:(الجزء', 'A:دورة']);
	});

	it('an Arabic name in an English line keeps its place and its own direction', () => {
		expect(drawn('Awarded to أمينة ديالو today', 'ltr')).toEqual([
			'L:Awarded',
			'L:to',
			'A:ديالو',
			'A:أمينة',
			'L:today'
		]);
	});

	it('long text is cut into lines between words', () => {
		expect(wrapWords('one two three four', 9, (s) => s.length)).toEqual([
			'one two',
			'three',
			'four'
		]);
		expect(wrapWords('unbreakableword', 3, (s) => s.length)).toEqual(['unbreakableword']);
	});
});
