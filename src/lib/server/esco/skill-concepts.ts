import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { searchKey } from '../search/normalise.ts';

/** How many concepts words may match, and how many with those filed under them, before a cut. */
const MATCHED = 300;
const WITH_NARROWER = 3000;
/** ESCO's hierarchy is a few levels deep; a loop in imported data stops here. */
const DEPTH = 8;

export type SkillConcepts = {
	/** The concepts to filter on: every match and every concept filed under one, at most WITH_NARROWER. */
	uris: string[];
	/** The concepts whose labels hold the words, best first (a preferred label that starts with them). */
	matched: string[];
};

/**
 * The directory's skill filter: every concept whose labels (in the reader's language or English)
 * hold each word as the start of a word, not one closest concept, and every concept filed under
 * them in ESCO's hierarchy (esco_broader). "engineer" finds civil, mechanical and software
 * engineers; "nurse" also finds the specialist nurses filed under "specialist nurse". No typo
 * matching here: a filter that guessed would narrow the directory to people nobody asked for.
 */
export async function skillConcepts(
	db: Db,
	words: string,
	language: string
): Promise<SkillConcepts> {
	const key = searchKey(words).slice(0, 100);
	if (!key) return { uris: [], matched: [] };
	const tokens = [...new Set(key.split(' '))].slice(0, 6);
	// Each word as a substring (what the trigram index answers) and as the start of a word.
	const holds = sql.join(
		tokens.map((w) => sql`search_key like ${`%${w}%`} and (' ' || search_key) like ${`% ${w}%`}`),
		sql` and `
	);
	const languages = sql.join(
		[...new Set([language, 'en'])].map((l) => sql`${l}`),
		sql`, `
	);
	const first = sql`split_part(search_key, ' | ', 1)`;
	const result = await db.execute(sql`
		with recursive matched as materialized (
			select uri, min(case when (' ' || ${first}) like ${`% ${key}%`} then 0 else 1 end) rank,
			       min(length(preferred_label)) len
			from esco_concept where language in (${languages}) and ${holds}
			group by uri order by rank, len, uri limit ${MATCHED}),
		under(uri, depth) as (
			select uri, 0 from matched
			union
			select b.uri, u.depth + 1 from esco_broader b join under u on b.broader = u.uri
			where u.depth < ${DEPTH})
		select uri, (select rank * 100000 + len from matched m where m.uri = d.uri) ord
		from (select distinct uri from under) d
		order by ord nulls last, uri
		limit ${WITH_NARROWER}`);
	const rows = (result as unknown as { rows: { uri: string; ord: number | null }[] }).rows;
	return {
		uris: rows.map((r) => r.uri),
		matched: rows.filter((r) => r.ord !== null).map((r) => r.uri)
	};
}

/** A concept and every concept filed under it: a skill chosen from a list filters on its narrower ones too. */
export async function withNarrower(db: Db, uris: string[]): Promise<string[]> {
	if (!uris.length) return [];
	const result = await db.execute(sql`
		with recursive under(uri, depth) as (
			select u, 0 from unnest(${sql.param(uris)}::text[]) u
			union
			select b.uri, under.depth + 1 from esco_broader b join under on b.broader = under.uri
			where under.depth < ${DEPTH})
		select distinct uri from under limit ${WITH_NARROWER}`);
	const found = (result as unknown as { rows: { uri: string }[] }).rows.map((r) => r.uri);
	return [...new Set([...uris, ...found])];
}
