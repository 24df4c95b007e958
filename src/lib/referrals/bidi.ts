/**
 * Wraps a name in Unicode isolates (FSI … PDI) before it goes into a sentence, so an Arabic
 * organisation name in a French sentence, or a Latin one in Arabic, cannot reorder the words and
 * punctuation around it.
 */
export function isolate(text: string) {
	return `\u2068${text}\u2069`;
}
