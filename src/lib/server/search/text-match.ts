import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** The query's distinct tokens (of a searchKey), at most eight: what every search matches on. */
export function queryTokens(key: string) {
	return [...new Set(key.split(' ').filter(Boolean))].slice(0, 8);
}

/**
 * Prefix query over normalised tokens (searchKey): "hel mba" matches "Hélène Mbarga". Used with
 * PostgreSQL's `to_tsquery('simple', …)` by every module that searches text.
 */
export function prefixQuery(key: string) {
	return queryTokens(key)
		.map((t) => `${t}:*`)
		.join(' & ');
}

/**
 * A row matches words when its text holds every token by prefix, or its name resembles the whole
 * query by trigrams (pg_trgm's `<%`, word similarity ≥ 0.6): "Mohamed" finds "Mohammed".
 * `key` is a non-empty searchKey.
 */
export function wordsOrSimilarName(text: SQLWrapper, nameKey: SQLWrapper, key: string): SQL {
	return sql`(${text} @@ to_tsquery('simple', ${prefixQuery(key)}) or ${key} <% ${nameKey})`;
}
