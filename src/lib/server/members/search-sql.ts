import { sql, type SQL } from 'drizzle-orm';

/**
 * The directory's statements over member_search / member_name_token / member_name_vocab
 * (search-schema.ts), one per shape and audience. The audience is a literal, never a parameter:
 * the partial indexes (`where audience = 'public'`) are usable by a generic plan only when their
 * predicate is in the text. Every token comes from searchKey() (letters, digits, single spaces),
 * so no LIKE escaping or tsquery quoting is needed. Design and measurements: bench/search/ and
 * docs/decisions/0013-member-search-index.md.
 *
 * Order: tier 0 = every query token starts a name token, by name; tier 1 = the longest token
 * ("driver") matches a name token only with a typo (trigram word similarity), by similarity then
 * name; tier 2 = words found in the other fields the audience may see, by name. When the word
 * matches are few (PROBE), they are ranked exactly; otherwise the postings are walked in name
 * order and the walk stops after offset + per_page rows. Totals are exact up to PROBE, then a
 * lower bound (at most CAP + 1).
 */
export type Audience = 'public' | 'members';
/**
 * text1: one word; text: several; textFacets: words with filters that must all hold (facets @>);
 * textAny / textFacetsAny: words with a skill filter any of whose concepts may hold (facets &&),
 * alone or beside the others.
 */
export type TextShape = 'text1' | 'text' | 'textFacets' | 'textAny' | 'textFacetsAny';

export const CAP = 1000;
const PROBE = { text1: 200, text: 200, textFacets: 200, textAny: 200, textFacetsAny: 200 } as const;

/** Named parameters of the text statements (drizzle placeholders, filled on execute). */
const p = {
	key: sql`${sql.placeholder('key')}::text`,
	tsq: sql`to_tsquery('simple', ${sql.placeholder('tsq')}::text)`,
	driver: sql`${sql.placeholder('driver')}::text`,
	others: sql`${sql.placeholder('others')}::text[]`,
	otherStarts: sql`${sql.placeholder('otherStarts')}::text[]`,
	allStarts: sql`${sql.placeholder('allStarts')}::text[]`,
	facets: sql`${sql.placeholder('facets')}::text[]`,
	anyFacets: sql`${sql.placeholder('anyFacets')}::text[]`,
	limit: sql`${sql.placeholder('perPage')}::int`,
	offset: sql`${sql.placeholder('offset')}::int`
};
const k = sql`(${p.limit} + ${p.offset})`;
/** Constants go into the text: the planner sees them, in generic plans too. */
const cap = sql.raw(String(CAP));
const cap1 = sql.raw(String(CAP + 1));

/**
 * Every token starts a token of the name in `col`: `' ' || name` like all of `% token%`
 * (the patterns are made by the caller, see searchMembers), one array test per row.
 */
const allStart = (col: SQL, patterns: SQL) => sql`(' ' || ${col}) like all (${patterns})`;

/** The profile columns the directory shows, joined for the page's rows only. */
const profileSelect = sql`u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links`;

export function textStatement(shape: TextShape, audience: Audience): SQL {
	const a = sql.raw(`'${audience === 'public' ? 'public' : 'members'}'`);
	const limit = PROBE[shape];
	const probeLimit = sql.raw(String(limit));
	const probeLimit1 = sql.raw(String(limit + 1));
	const faceted = shape !== 'text1' && shape !== 'text';
	const allOf = shape === 'textFacets' || shape === 'textFacetsAny';
	const anyOf = shape === 'textAny' || shape === 'textFacetsAny';
	const facetTest = (alias: string) => {
		const col = sql.raw(`${alias}.facets`);
		return sql.join(
			[
				...(allOf ? [sql`${col} @> ${p.facets}`] : []),
				...(anyOf ? [sql`${col} && ${p.anyFacets}`] : [])
			],
			sql` and `
		);
	};
	const onFacets = (alias: string) => (faceted ? sql` and ${facetTest(alias)}` : sql``);
	// Postings of a prefix-expanded token that also start with the other tokens (and fit the facets).
	const postingFilter =
		shape === 'text1'
			? sql``
			: sql` and ${allStart(sql`t.name_key`, p.otherStarts)}${
					faceted
						? sql` and exists (select from member_search f where f.audience = ${a} and f.user_id = t.user_id and ${facetTest('f')})`
						: sql``
				}`;
	// The other tokens of a typo match may themselves be typos.
	const typoOthers = sql` and not exists (select from unnest(${p.others}) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%' or word_similarity(o, t.name_key) >= 0.6))`;

	const v0 = sql`v0 as materialized (
		select token from member_name_vocab where token like ${p.driver} || '%' order by token limit 50)`;
	const v1 = sql`v1 as materialized (
		select token, word_similarity(${p.driver}, token) sim from member_name_vocab
		where length(${p.driver}) >= 4 and ${p.driver} <% token and token not like ${p.driver} || '%'
		order by sim desc, token limit 10)`;
	const c0 = sql`c0 as materialized (
		select count(*) n from (select from v0 cross join lateral (
			select from member_name_token t where t.audience = ${a} and t.token = v0.token${postingFilter}
			limit ${cap1}) z limit ${cap1}) c)`;
	const tierOf = sql`case when ${allStart(sql`name_key`, p.allStarts)} then 0 else 2 end`;
	const probe = sql`probe as materialized (
		select user_id, name_key, ${tierOf} tier, 1::real sim
		from member_search where audience = ${a}${onFacets('member_search')} and tsv @@ ${p.tsq}
		${faceted ? sql`` : sql`and (select n from c0) <= ${probeLimit}`} limit ${probeLimit1})`;
	const np = sql`np as materialized (select ${
		!faceted
			? sql`case when (select n from c0) > ${probeLimit} then (select n from c0) else (select count(*) from probe) end`
			: sql`(select count(*) from probe)`
	} n)`;
	const fz = faceted
		? sql`fz as materialized (
		select 1 tier, word_similarity(${p.key}, name_key) sim, name_key, user_id from member_search
		where audience = ${a} and ${facetTest('member_search')} and length(${p.driver}) >= 4
		  and ${p.key} <% name_key and not (tsv @@ ${p.tsq}) limit ${probeLimit1})`
		: sql`fz as materialized (
		select 1 tier, y.sim, y.name_key, y.user_id from (
			select distinct on (x.user_id) v1.sim, x.name_key, x.user_id from v1 cross join lateral (
				select t.name_key, t.user_id from member_name_token t
				where t.audience = ${a} and t.token = v1.token${shape === 'text' ? typoOthers : sql``}
				order by t.name_key, t.user_id limit ${k}) x
			order by x.user_id, v1.sim desc) y
		order by y.sim desc, y.name_key, y.user_id limit ${k})`;
	// Tier 2 matches, neither a full prefix match nor a typo match of the name.
	const notNameMatch = (alias: string) => {
		const col = sql.raw(`${alias}.name_key`);
		return sql`not (${allStart(col, p.allStarts)})
		  and not exists (select from v1 where (' ' || ${col} || ' ') like '% ' || v1.token || ' %')`;
	};
	const w2 = sql`w2 as materialized (
		select name_key, user_id from (
			select s.name_key, s.user_id, s.tsv from member_search s where s.audience = ${a}${onFacets('s')}
			order by s.name_key, s.user_id limit 2000) s
		where s.tsv @@ ${p.tsq} and ${notNameMatch('s')}
		limit ${k})`;
	const ranked = sql`(select tier, sim, name_key, user_id from (
			select tier, sim, name_key, user_id from probe
			union all
			select tier, sim, name_key, user_id from fz where not exists (select from probe where probe.user_id = fz.user_id)) c
		 where (select n from np) <= ${probeLimit}
		 order by tier, sim desc, name_key, user_id limit ${p.limit} offset ${p.offset})`;
	const walked = sql`(select * from (
			(select 0 tier, 1::real sim, y.name_key, y.user_id from (
				select distinct on (x.name_key, x.user_id) x.name_key, x.user_id from v0 cross join lateral (
					select t.name_key, t.user_id from member_name_token t
					where t.audience = ${a} and t.token = v0.token${postingFilter}
					order by t.name_key, t.user_id limit ${k}) x
				order by x.name_key, x.user_id) y
			 limit ${k})
			union all
			(select tier, sim, name_key, user_id from fz order by sim desc, name_key, user_id limit ${k})
			union all
			(select 2, 0::real, name_key, user_id from w2 where (select count(*) from w2) >= ${k})
			union all
			(select 2, 0::real, s.name_key, s.user_id from member_search s
			 where (select count(*) from w2) < ${k} and s.audience = ${a}${onFacets('s')} and s.tsv @@ ${p.tsq}
			   and ${notNameMatch('s')}
			 order by s.name_key, s.user_id limit ${k})
		 ) w where (select n from np) > ${probeLimit}
		 limit ${p.limit} offset ${p.offset})`;
	const typoPostings = (
		extra: SQL
	) => sql`(select count(*) from (select from v1 cross join lateral (
			select from member_name_token t where t.audience = ${a} and t.token = v1.token${extra}
			limit ${cap1}) z limit ${cap1}) c)`;
	const exactTotal = faceted
		? sql`np.n + (select count(*) from fz)`
		: sql`np.n + ${typoPostings(sql`${shape === 'text' ? typoOthers : sql``} and not exists (select from probe where probe.user_id = t.user_id)`)}`;
	const boundTotal = faceted
		? sql`greatest(np.n, ${typoPostings(sql``)})`
		: sql`greatest(np.n, (select n from c0) + ${typoPostings(sql``)})`;
	const ctes = [v0, v1, ...(faceted ? [] : [c0]), probe, np, fz, w2];
	return sql`with ${sql.join(ctes, sql`, `)},
	page as (${ranked} union all ${walked}),
	total as materialized (
		select case when np.n <= ${probeLimit} then ${exactTotal} else ${boundTotal} end n,
		       np.n > ${probeLimit} as lower_bound
		from np),
	numbered as (select row_number() over (order by tier, sim desc, name_key, user_id) pos, user_id from page)
	select n.pos, ${profileSelect}, least(total.n, ${cap1}) as total,
		total.lower_bound or total.n > ${cap} as lower_bound
	from numbered n
	join member_profile mp on mp.user_id = n.user_id
	join "user" u on u.id = n.user_id
	cross join total`;
}

/**
 * No words: the audience's rows in name order (optionally with facets, all of `facets` and one
 * of `anyFacets`), and a count that stops
 * at CAP + 1. Sent unnamed and planned per call: the facet values decide between walking the
 * name-ordered b-tree and a GIN bitmap.
 */
export function listStatement(
	audience: Audience,
	facets: string[],
	perPage: number,
	offset: number,
	anyFacets: string[] = []
): SQL {
	const a = sql.raw(`'${audience === 'public' ? 'public' : 'members'}'`);
	const onFacets = sql`${facets.length ? sql` and facets @> ${sql.param(facets)}::text[]` : sql``}${
		anyFacets.length ? sql` and facets && ${sql.param(anyFacets)}::text[]` : sql``
	}`;
	return sql`with page as (
		select user_id, row_number() over (order by name_key, user_id) pos
		from (select name_key, user_id from member_search where audience = ${a}${onFacets}
		      order by name_key, user_id limit ${perPage} offset ${offset}) p),
	total as materialized (
		select count(*) n from (select from member_search where audience = ${a}${onFacets} limit ${cap1}) c)
	select page.pos, ${profileSelect}, total.n as total, total.n > ${cap} as lower_bound
	from page
	join member_profile mp on mp.user_id = page.user_id
	join "user" u on u.id = page.user_id
	cross join total`;
}
