import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { searchKey } from '../search/normalise.ts';
import { escoConcept } from './schema.ts';
import type { EscoKind } from './import-esco.ts';

export type EscoHit = {
	uri: string;
	kind: EscoKind;
	/** The preferred label in the language searched. */
	label: string;
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
	const key = searchKey(q).slice(0, 100);
	if (!key) return [];
	const words = key.split(' ');
	const k = escoConcept.searchKey;
	const preferred = sql`split_part(${k}, ' | ', 1)`;
	const wordsStart = (text: SQL) =>
		and(...words.map((w) => sql`(' ' || ${text}) like ${`% ${w}%`}`))!;
	const rank = sql`case
		when ${preferred} = ${key} then 0
		when ${preferred} like ${`${key} %`} then 1
		when ${preferred} like ${`${key}%`} then 2
		when (' ' || ${preferred}) like ${`% ${key}%`} then 3
		when ${wordsStart(preferred)} then 4
		when ('| ' || ${k} || ' |') like ${`%| ${key} |%`} then 6
		when ('| ' || ${k}) like ${`%| ${key}%`} then 7
		when (' ' || ${k}) like ${`% ${key}%`} then 8
		when ${k} like ${`%${key}%`} or ${wordsStart(k)} then 9
		else 10 end`;
	const rows = await db
		.select({
			uri: escoConcept.uri,
			kind: escoConcept.kind,
			label: escoConcept.preferredLabel,
			isco: escoConcept.iscoCode,
			altLabels: escoConcept.altLabels,
			rank: sql<number>`${rank}`.mapWith(Number)
		})
		.from(escoConcept)
		.where(
			and(
				eq(escoConcept.language, language),
				kind ? eq(escoConcept.kind, kind) : undefined,
				or(sql`${k} like ${`%${key}%`}`, wordsStart(k), sql`${key} <% ${k}`)
			)
		)
		.orderBy(
			rank,
			sql`word_similarity(${key}, ${preferred}) desc`,
			sql`length(${escoConcept.preferredLabel})`,
			escoConcept.preferredLabel,
			escoConcept.uri
		)
		.limit(Math.min(Math.max(Math.trunc(limit) || 10, 1), 50));
	return rows.map(({ altLabels, rank, ...hit }) => {
		const matched = rank >= 6 ? matchedAlt([hit.label, ...altLabels], key, words) : undefined;
		return matched && matched !== hit.label ? { ...hit, matched } : hit;
	});
}

/** The label the query found, by the same order of preference as the ranking (preferred first). */
function matchedAlt(alts: string[], key: string, words: string[]) {
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
	const wanted = [...new Set(uris)];
	const labels = new Map<string, string>();
	if (!wanted.length) return labels;
	const rows = await db
		.select({
			uri: escoConcept.uri,
			language: escoConcept.language,
			label: escoConcept.preferredLabel
		})
		.from(escoConcept)
		.where(
			and(
				inArray(escoConcept.uri, wanted),
				inArray(escoConcept.language, [...new Set([language, 'en'])])
			)
		);
	for (const row of rows) {
		if (row.language === language || !labels.has(row.uri)) labels.set(row.uri, row.label);
	}
	return labels;
}
