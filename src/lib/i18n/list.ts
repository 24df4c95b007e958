const formats = new Map<string, Intl.ListFormat>();

/**
 * Items as a list in the reader's language (CLDR list patterns through Intl.ListFormat):
 * "Arabic, Kurdish and French", "العربية والكردية والفرنسية", "09:00–12:00, 14:00–17:30" (unit).
 */
export function listOf(
	items: string[],
	locale: string,
	type: 'conjunction' | 'unit' = 'conjunction'
) {
	const key = `${locale}|${type}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.ListFormat(locale, { style: 'long', type });
		formats.set(key, format);
	}
	return format.format(items);
}

/** The separator a person types between items in a field of several ("law, health"; "قانون، صحة"). */
export function itemSeparator(locale: string) {
	return locale === 'ar' ? '، ' : ', ';
}
