import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { searchKey } from '../search/normalise.ts';
import { escoConcept } from './schema.ts';
import { knownLabels } from './label-cache.ts';
import type { EscoKind } from './import-esco.ts';

export type EscoHit = {
	uri: string;
	kind: EscoKind;
	/** The preferred label in the language searched, else in English (see `language`). */
	label: string;
	/** The label's language: the one asked for, or English where that language has no label. */
	language: string;
	isco: string | null;
	/** The alternative label that matched, when the preferred label did not. */
	matched?: string;
};

export type SearchEscoOptions = { language?: string; kind?: EscoKind; limit?: number };

/**
 * Autocomplete over preferred and alternative labels. A concept matches when the query is a
 * substring of its search key, when every query word starts a word of it (in any order), or when
 * it is trigram-similar to a stretch of it (`<%`, typos); all three use the trigram index. The
 * preferred label is the key's first segment, so exact and prefix matches on it rank first.
 */
export async function searchEsco(
	db: Db,
	q: string,
	{ language = 'en', kind, limit = 10 }: SearchEscoOptions = {}
): Promise<EscoHit[]> {
	// The reader's language and English together: a deployment that loaded only the English sample
	// (or a language ESCO lacks) still finds "nurse" for a French reader, in English.
	const languages = [...new Set([language, 'en'])];
	const key = searchKey(q).slice(0, 100);
	if (!key) return [];
	const words = key.split(' ');
	// Unqualified, so the same expressions work inside and outside the subquery below.
	const k = sql.raw('search_key');
	const preferred = sql`split_part(${k}, ' | ', 1)`;
	const wordsStart = (text: SQL) =>
		and(...words.map((w) => sql`(' ' || ${text}) like ${`% ${w}%`}`))!;
	// Each word also as a plain substring: that form is the one the trigram index can answer.
	const everyWord = and(
		...words.map((w) => sql`${k} like ${`%${w}%`} and (' ' || ${k}) like ${`% ${w}%`}`)
	)!;
	const rank = sql`case
		when ${preferred} = ${key} then 0
		when ${preferred} like ${`${key} %`} then 1
		when ${preferred} like ${`${key}%`} then 2
		when (' ' || ${preferred}) like ${`% ${key}%`} then 3
		when ${wordsStart(preferred)} then 4
		when ('| ' || ${k} || ' |') like ${`%| ${key} |%`} then 5
		when ('| ' || ${k}) like ${`%| ${key}%`} then 6
		when (' ' || ${k}) like ${`% ${key}%`} then 7
		when ${k} like ${`%${key}%`} or ${everyWord} then 8
		else 9 end`;
	const n = Math.min(Math.max(Math.trunc(limit) || 10, 1), 50);
	const select = (match: SQL) => sql`
		select uri, kind, language, preferred_label as label, isco_code as isco, alt_labels, ${rank} as rank
		from (select * from ${escoConcept} where ${match} offset 0) as c
		where language in (${sql.join(
			languages.map((l) => sql`${l}`),
			sql`, `
		)}) ${kind ? sql`and kind = ${kind}` : sql``}
		order by rank, word_similarity(${key}, ${preferred}) desc, length(preferred_label),
			preferred_label, uri
		limit ${n * languages.length}`;
	// One or two letters make no trigram: word prefixes only, which a scan answers quickly.
	const result = !words.some((w) => w.length >= 3)
		? await db.execute(select(wordsStart(k)))
		: await db.transaction(async (tx) => {
				// The planner prices word_similarity like `=`, so it would rather scan every row of a
				// small table (or of the language, through the primary key) than use the trigram index:
				// 200-300 ms per keystroke on the sample against 10-20 ms. Hence the index forced for
				// this transaction, and the trigram conditions fenced (offset 0) from language and kind.
				await tx.execute(sql`set local enable_seqscan = off`);
				return tx.execute(select(sql`${k} like ${`%${key}%`} or ${everyWord} or ${key} <% ${k}`));
			});
	// Both drivers answer `{ rows }`; Drizzle's shared Db type leaves it loose.
	const rows = (result as unknown as { rows: (EscoHit & { alt_labels: string[]; rank: number })[] })
		.rows;
	// One hit per concept, in the order found, labelled in the reader's language where it has one.
	const byUri = new Map<string, (typeof rows)[number]>();
	for (const row of rows) {
		const seen = byUri.get(row.uri);
		if (!seen) byUri.set(row.uri, row);
		else if (seen.language !== language && row.language === language)
			byUri.set(row.uri, { ...row, rank: Math.min(Number(seen.rank), Number(row.rank)) });
	}
	// Found through its English words: still named in the reader's language when that label exists.
	const english = [...byUri.values()].filter((r) => r.language !== language).map((r) => r.uri);
	if (english.length && language !== 'en') {
		const own = await db
			.select({ uri: escoConcept.uri, label: escoConcept.preferredLabel })
			.from(escoConcept)
			.where(and(inArray(escoConcept.uri, english), eq(escoConcept.language, language)));
		for (const { uri, label } of own) {
			const row = byUri.get(uri)!;
			byUri.set(uri, { ...row, label, language, alt_labels: [] });
		}
	}
	return [...byUri.values()]
		.slice(0, n)
		.map(({ uri, kind, language: l, label, isco, alt_labels, rank }) => {
			const hit: EscoHit = { uri, kind, label, isco, language: l };
			const matched =
				Number(rank) >= 5 ? matchedLabel([label, ...alt_labels], key, words) : undefined;
			return matched && matched !== label ? { ...hit, matched } : hit;
		});
}

/** The label the query found, by the same order of preference as the ranking (preferred first). */
function matchedLabel(alts: string[], key: string, words: string[]) {
	const keyed = alts.map((label) => ({ label, k: searchKey(label) }));
	const tests = [
		(k: string) => k === key,
		(k: string) => k.startsWith(key),
		(k: string) => ` ${k}`.includes(` ${key}`),
		(k: string) => k.includes(key),
		(k: string) => words.every((w) => ` ${k}`.includes(` ${w}`))
	];
	for (const test of tests) {
		const hit = keyed.find((a) => test(a.k));
		if (hit) return hit.label;
	}
	return undefined;
}

/**
 * Preferred labels for showing a person's expertise, in their language, or in English where that
 * language has no row for a concept. Unknown URIs are left out.
 */
export async function labelsFor(
	db: Db,
	uris: string[],
	language: string
): Promise<Map<string, string>> {
	const known = knownLabels(db);
	const labels = new Map<string, string>();
	const missing: string[] = [];
	for (const uri of new Set(uris)) {
		const label = known.get(`${language}|${uri}`);
		if (label === undefined) missing.push(uri);
		else if (label !== null) labels.set(uri, label);
	}
	if (!missing.length) return labels;
	const rows = await db
		.select({
			uri: escoConcept.uri,
			language: escoConcept.language,
			label: escoConcept.preferredLabel
		})
		.from(escoConcept)
		.where(
			and(
				inArray(escoConcept.uri, missing),
				inArray(escoConcept.language, [...new Set([language, 'en'])])
			)
		);
	for (const row of rows) {
		if (row.language === language || !labels.has(row.uri)) labels.set(row.uri, row.label);
	}
	for (const uri of missing) known.set(`${language}|${uri}`, labels.get(uri) ?? null);
	return labels;
}
