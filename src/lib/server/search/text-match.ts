/**
 * Prefix query over normalised tokens (searchKey): "hel mba" matches "Hélène Mbarga". Used with
 * PostgreSQL's `to_tsquery('simple', …)` by every module that searches text.
 */
export function prefixQuery(key: string) {
	return key
		.split(' ')
		.filter(Boolean)
		.slice(0, 8)
		.map((t) => `${t}:*`)
		.join(' & ');
}
