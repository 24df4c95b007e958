import { describe, expect, it } from 'vitest';
import { bidiPieces } from './bidi.ts';

describe('codes inside right-to-left sentences', () => {
	it('isolates phone numbers, e-mails and web addresses, and nothing else', () => {
		expect(bidiPieces('ابدأ بعلامة + ثم رمز البلد، مثلًا +33 6 12 34 56 78.')).toEqual([
			{ text: 'ابدأ بعلامة + ثم رمز البلد، مثلًا ', ltr: false },
			{ text: '+33 6 12 34 56 78', ltr: true },
			{ text: '.', ltr: false }
		]);
		expect(
			bidiPieces('راسلنا على help@example.org أو https://example.org/a').filter((p) => p.ltr)
		).toEqual([
			{ text: 'help@example.org', ltr: true },
			{ text: 'https://example.org/a', ltr: true }
		]);
		expect(bidiPieces('لا رموز هنا')).toEqual([{ text: 'لا رموز هنا', ltr: false }]);
		expect(bidiPieces('')).toEqual([]);
	});
});
