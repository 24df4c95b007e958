/**
 * Rules for text that people type into names and short fields. Scripts and accents are welcome;
 * what is refused is what can disguise text: control characters, bidirectional overrides and
 * invisible characters (ZWNJ and ZWJ stay: Persian, Arabic and emoji need them).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const BIDI_AND_INVISIBLE =
	/[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

export function hasHiddenCharacters(value: string) {
	return CONTROL.test(value) || BIDI_AND_INVISIBLE.test(value);
}

/** Canonical form: NFC, single spaces, trimmed. */
export function normaliseText(value: string) {
	return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
