/**
 * Phone numbers, e-mail addresses and web addresses inside a sentence keep their own left-to-right
 * order in a right-to-left page: the sentence is cut into pieces, and the pieces that are such
 * codes are shown isolated (`<bdi dir="ltr">`, lib/ui/Bidi.svelte). Without it "+33 6 12 34 56 78"
 * in an Arabic hint reads ".78 56 34 12 6 +33".
 */
const CODES =
	/(\+?\d[\d ().-]{5,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/[^\s]+|\b[A-Z0-9]{2,}(?:[-/][A-Z0-9]+)+\b)/gu;

export function bidiPieces(text: string): { text: string; ltr: boolean }[] {
	const pieces: { text: string; ltr: boolean }[] = [];
	let last = 0;
	for (const match of text.matchAll(CODES)) {
		if (match.index > last) pieces.push({ text: text.slice(last, match.index), ltr: false });
		pieces.push({ text: match[0], ltr: true });
		last = match.index + match[0].length;
	}
	if (last < text.length) pieces.push({ text: text.slice(last), ltr: false });
	return pieces;
}
