/**
 * The one normalisation used for every search key and every query, in any script: compatibility
 * decomposition, combining marks removed (é→e, Arabic short vowels dropped), Arabic letter variants
 * folded (أ إ آ→ا, ى→ي, ة→ه, tatweel removed), lower case, single spaces. Doing it here rather than
 * with PostgreSQL's unaccent keeps PGlite and PostgreSQL identical and lets the tests pin it down.
 */
export function searchKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[أإآٱ]/g, 'ا')
		.replace(/ى/g, 'ي')
		.replace(/ة/g, 'ه')
		.replace(/ـ/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
