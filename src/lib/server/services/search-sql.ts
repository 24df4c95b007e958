import { sql, type SQL } from 'drizzle-orm';

/**
 * The public service search as one statement, shaped by the filters present: the page's rows with
 * their texts, organisation and opening hours, and the total. Planned at each call (not prepared):
 * a generic plan cannot tell a rare need from a common one, and sorted every match where walking
 * the name index stops after a page. Every shape reads only as far as it needs:
 * - no words, no place: the listed services walked in name order (service_listed_name_idx),
 *   stopping after offset + per_page;
 * - words: at most WORDS_CAP + 1 matches; when there are no more than WORDS_CAP they are ranked
 *   exactly, by the better of name similarity and text rank, with typo matches on the name;
 *   otherwise names holding every word come first, then the others, each in name order;
 * - a place: the nearest locations by KNN on a GiST index (service_at_location_near_idx, a point in
 *   locally even units, see `planePoint`), the exact great-circle distance for those only, then the
 *   services with no location at all (service_placeless: helplines, online), in name order.
 * Totals are exact up to offset + CAP (offset + WORDS_CAP for words), then a floor: "200+" on the
 * first page, "400+" on the eleventh, so there is always a next page while there are more.
 * Design and measurements: docs/decisions/0015-service-search.md, bench/search/.
 */
export const CAP = 200;
const cap = sql.raw(String(CAP));
const cap1 = sql.raw(String(CAP + 1));
/** Word matches are counted only this far: each costs a test of the service's whole text. */
export const WORDS_CAP = 50;
const wordsProbe = sql.raw(String(WORDS_CAP));
const wordsCap1 = sql.raw(String(WORDS_CAP + 1));

/** The statuses a person can still act on (inactive and defunct services are not listed). */
export const LISTED_STATUSES = ['active', 'temporarily closed'] as const;

export type ServiceShape = {
	words: boolean;
	place: boolean;
	need: boolean;
	language: boolean;
	free: boolean;
	age: boolean;
	open: boolean;
};

/** The values a statement is built with. */
export type ServiceSearchParams = {
	key: string;
	tsq: string;
	starts: string[];
	contains: string[];
	term: string;
	language: string;
	age: number;
	at: string;
	lat: number;
	lon: number;
	radius: number;
	perPage: number;
	offset: number;
};

/** The values as typed SQL parameters. */
function parameters(v: ServiceSearchParams) {
	return {
		key: sql`${v.key}::text`,
		tsq: sql`to_tsquery('simple', ${v.tsq}::text)`,
		starts: sql`array[${sql.join(
			v.starts.map((x) => sql`${x}`),
			sql`, `
		)}]::text[]`,
		contains: sql.join(
			v.contains.map((x) => sql`s.name_key like ${x}`),
			sql` and `
		),
		term: sql`${v.term}::text`,
		language: sql`${v.language}::text`,
		age: sql`${v.age}::int`,
		at: sql`${v.at}::timestamptz`,
		lat: sql`${v.lat}::float8`,
		lon: sql`${v.lon}::float8`,
		radius: sql`${v.radius}::float8`,
		perPage: sql`${v.perPage}::int`,
		offset: sql`${v.offset}::int`
	};
}
type P = ReturnType<typeof parameters>;

const reach = (p: P) => sql`(${p.perPage} + ${p.offset})`;

/**
 * A location as a point in which distances are close to even around it: longitude scaled by the
 * cosine of its latitude, both in degrees of latitude (about 111.2 km). The index is built on this
 * expression; the exact distance is computed afterwards for the few rows it returns.
 */
export const planePoint = (lat: SQL, lon: SQL) => sql`point(${lon} * cos(radians(${lat})), ${lat})`;
const KM_PER_DEGREE = 111.2;

/** Listed: published, listed status, organisation approved (organisations/public.ts). */
const listed = sql`s.published and s.status in ('active', 'temporarily closed') and o.status = 'approved'`;

function filters(shape: ServiceShape, p: P): SQL {
	const parts: SQL[] = [listed];
	if (shape.need) parts.push(sql`s.term_ids @> array[${p.term}]`);
	if (shape.language) parts.push(sql`s.languages @> array[${p.language}]`);
	if (shape.free) parts.push(sql`s.free`);
	if (shape.age)
		parts.push(
			sql`(s.minimum_age is null or s.minimum_age <= ${p.age}) and (s.maximum_age is null or s.maximum_age >= ${p.age})`
		);
	if (shape.open) parts.push(openNow(p));
	// Each test through its own index: or'ed in one scan, the trigram test ran on every row.
	if (shape.words)
		parts.push(sql`s.id in (select id from service where search @@ ${p.tsq}
			union select id from service where ${p.key} <% name_key)`);
	return sql.join(parts, sql` and `);
}

/**
 * Open at `at` in the time zone of each opening interval, as openings.ts `isOpenAt` decides.
 * `offset 0` keeps it a test per service (a few rows through service_opening_service_idx): as a
 * join, the planner would convert the time of every opening of every service first.
 */
function openNow(p: P): SQL {
	const at = (alias: string) => sql`(${p.at} at time zone ${sql.raw(alias)}.time_zone)`;
	const minute = (alias: string) =>
		sql`(extract(hour from ${at(alias)}) * 60 + extract(minute from ${at(alias)}))`;
	// A dated row (dow 0: a closure, or hours on dates) covering the local day replaces the week.
	const covers = (alias: string) =>
		sql`${sql.raw(alias)}.dow = 0 and ${at(alias)}::date between ${sql.raw(alias)}.valid_from::date and ${sql.raw(alias)}.valid_to::date`;
	return sql`((exists (select 1 from service_opening op where op.service_id = s.id
		and op.dow = extract(isodow from ${at('op')}) and op.opens <= ${minute('op')} and op.closes > ${minute('op')}
		and (op.valid_from is null or op.valid_from = '' or ${at('op')}::date >= op.valid_from::date)
		and (op.valid_to is null or op.valid_to = '' or ${at('op')}::date <= op.valid_to::date)
		offset 0)
		and not exists (select 1 from service_opening c where c.service_id = s.id and ${covers('c')}
			offset 0))
		or exists (select 1 from service_opening d where d.service_id = s.id and ${covers('d')}
			and d.opens <= ${minute('d')} and d.closes > ${minute('d')} offset 0))`;
}

const from = sql`service s join organisation o on o.id = s.organisation_id`;

/** The page's ids in order (`pos`), with the distance where a place was given, and the total. */
function pageAndTotal(shape: ServiceShape, p: P): SQL {
	const where = filters(shape, p);
	const k = reach(p);
	if (shape.place) {
		const here = planePoint(p.lat, p.lon);
		const there = planePoint(sql`x.latitude`, sql`x.longitude`);
		// Half the box's side, in the point's units, with a margin for the cosine's change.
		const side = sql`(${p.radius} / ${sql.raw(String(KM_PER_DEGREE))} * 1.05 + 0.01)`;
		const box = sql`box(point(${p.lon} * cos(radians(${p.lat})) - ${side}, ${p.lat} - ${side}),
			point(${p.lon} * cos(radians(${p.lat})) + ${side}, ${p.lat} + ${side}))`;
		const km = sql`6371 * 2 * asin(sqrt(power(sin(radians(x.latitude - ${p.lat}) / 2), 2)
			+ cos(radians(${p.lat})) * cos(radians(x.latitude)) * power(sin(radians(x.longitude - ${p.lon}) / 2), 2)))`;
		// The few services with no location, each tested against the filters (driven from
		// service_placeless: joined the other way, every candidate's opening hours were read first).
		const placeless = sql`(select s.id, s.name from service_placeless pl cross join lateral
			(select s.id, s.name from ${from} where s.id = pl.service_id and ${where} offset 0) s)`;
		const located = sql`x.latitude is not null and x.longitude is not null and ${there} <@ ${box}`;
		// One read of the locations, nearest first (KNN), for the page and the count: a service may
		// have several locations near, so three location rows per service wanted.
		const window = sql`3 * (${p.offset} + ${cap1})`;
		return sql`knn as materialized (
				select x.service_id, ${km} km from service_at_location x join ${from} on s.id = x.service_id
				where ${located} and ${where}
				order by ${there} <-> ${here} limit ${window}),
			near as materialized (
				select service_id id, min(km) km from knn group by service_id having min(km) <= ${p.radius}),
			counted as (select (select count(*) from near) n,
				-- the window was full and still within the radius: there may be more
				(select count(*) = ${window} and max(km) <= ${p.radius} from knn) more),
			placeless as materialized (
				select s.id, s.name from ${placeless} s where (select n from counted) < ${k}
				order by s.name, s.id limit ${k}),
			page as (
				select u.id, u.km, row_number() over (order by u.tier, u.km, u.name, u.id) pos from (
					(select near.id, near.km, 0 tier, s.name from near join service s on s.id = near.id
						order by near.km, s.name, near.id limit ${k})
					union all
					(select id, null, 1, name from placeless)) u
				order by u.tier, u.km, u.name, u.id limit ${p.perPage} offset ${p.offset}),
			total as materialized (select case
				when counted.more or counted.n > ${p.offset} + ${cap} then ${p.offset} + ${cap1}
				else counted.n + (select count(*) from (select 1 from ${placeless} s
					limit ${p.offset} + ${cap1} - counted.n) c) end n
				from counted)`;
	}
	if (shape.words) {
		// Without the words: each part below adds its own test of them.
		const others = filters({ ...shape, words: false }, p);
		const words = sql`s.search @@ ${p.tsq}`;
		// Every token starts a word of the name; `like` per token lets the trigram index find them.
		const inName = sql`${p.contains} and (' ' || s.name_key) like all (${p.starts})`;
		const score = sql`greatest(word_similarity(${p.key}, c.name_key), ts_rank(c.search, ${p.tsq}))`;
		return sql`matched as materialized (
				select s.id, s.name, s.name_key, s.search from ${from} where ${others} and ${words}
				limit ${p.offset} + ${wordsCap1}),
			few as (select count(*) <= ${wordsProbe} yes, count(*) n from matched),
			typos as materialized (
				select s.id, s.name, s.name_key, s.search from ${from}, few
				where few.yes and ${others} and ${p.key} <% s.name_key and not (${words})
				limit ${wordsProbe}),
			page as (
				(select c.id, null::float8 km, row_number() over (order by ${score} desc, c.name, c.id) pos
					from (select * from matched union all select * from typos) c, few where few.yes
					order by ${score} desc, c.name, c.id limit ${p.perPage} offset ${p.offset})
				union all
				(select u.id, null::float8, row_number() over (order by u.tier, u.name, u.id) from (
					(select s.id, 0 tier, s.name from ${from}, few
						where not few.yes and ${others} and ${inName} and ${words}
						order by s.name, s.id limit ${k})
					union all
					(select s.id, 1 tier, s.name from ${from}, few
						where not few.yes and ${others} and not (${inName}) and ${words}
						order by s.name, s.id limit ${k})) u
					order by u.tier, u.name, u.id limit ${p.perPage} offset ${p.offset})),
			total as materialized (select few.n + (select count(*) from typos) n from few)`;
	}
	return sql`page as (
			select s.id, null::float8 km, row_number() over (order by s.name, s.id) pos from ${from}
			where ${where} order by s.name, s.id limit ${p.perPage} offset ${p.offset}),
		total as materialized (select count(*) n from (select 1 from ${from} where ${where}
			limit ${p.offset} + ${cap1}) c)`;
}

/**
 * The statement for a shape: one row per service of the page (none when the page is empty, then
 * one row with only `total`), in order.
 */
export function serviceSearchStatement(shape: ServiceShape, values: ServiceSearchParams): SQL {
	return sql`with ${pageAndTotal(shape, parameters(values))}
		select page.pos, page.id, page.km, s.short_code, s.doc, s.content_locale, s.translations,
			s.status, s.term_ids, s.languages, s.free, s.verified_at,
			o.name organisation_name, o.slug organisation_slug, o.demo organisation_demo, total.n total,
			(select coalesce(json_agg(json_build_object('dow', op.dow, 'opens', op.opens,
				'closes', op.closes, 'timeZone', op.time_zone, 'validFrom', op.valid_from,
				'validTo', op.valid_to)), '[]'::json)
				from service_opening op where op.service_id = s.id) openings
		from total
		left join page on true
		left join service s on s.id = page.id
		left join organisation o on o.id = s.organisation_id`;
}
