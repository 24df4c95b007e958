-- Recommended member-search design (measured on perf, 100,000 members; see README.md here).
-- Everything here is additive: member_profile keeps its columns and is still the source of truth.
-- Run with: psql -h 127.0.0.1 -U postgres -d perf -v ON_ERROR_STOP=1 -f recommended.sql
-- (drop with the "teardown" block at the end).

-- ---------------------------------------------------------------------------------------------
-- 1. Narrow search table: one row per (audience, member) that the audience may find.
--    'public'  = rows with listed = 'public'              (search_public / facets_public)
--    'members' = rows with listed <> 'nobody'             (search_members / facets_members)
--    ~125,000 rows / 56 MB table for 100,000 members (member_profile is 193 MB).
-- ---------------------------------------------------------------------------------------------
create table if not exists member_search (
	audience text not null check (audience in ('public', 'members')),
	user_id text not null references "user"(id) on delete cascade,
	name_key text not null,
	tsv tsvector not null,
	facets text[] not null,
	primary key (audience, user_id)
);
-- browse / facet-only pages in index order (no sort, no full count)
create index if not exists member_search_order_idx on member_search (audience, name_key, user_id);
-- facet-only with rare facets (bitmap), and text+facets: one multicolumn GIN intersects inside the index
create index if not exists member_search_facets_pub_idx on member_search using gin (facets) where audience = 'public';
create index if not exists member_search_facets_mem_idx on member_search using gin (facets) where audience = 'members';
create index if not exists member_search_fac_tsv_pub_idx on member_search using gin (facets, tsv) where audience = 'public';
create index if not exists member_search_fac_tsv_mem_idx on member_search using gin (facets, tsv) where audience = 'members';
create index if not exists member_search_fac_trgm_pub_idx on member_search using gin (facets, name_key gin_trgm_ops) where audience = 'public';
create index if not exists member_search_fac_trgm_mem_idx on member_search using gin (facets, name_key gin_trgm_ops) where audience = 'members';
-- text-only matches outside the name (tier 2) and the capped text count
create index if not exists member_search_tsv_pub_idx on member_search using gin (tsv) where audience = 'public';
create index if not exists member_search_tsv_mem_idx on member_search using gin (tsv) where audience = 'members';

-- ---------------------------------------------------------------------------------------------
-- 2. Name-token postings, ordered by name: the top-k of "token = x order by name_key" is an
--    index-only range scan that stops after k rows. ~254,000 rows / 38 MB for 100,000 members.
-- ---------------------------------------------------------------------------------------------
create table if not exists member_name_token (
	audience text not null,
	token text not null,
	name_key text not null,
	user_id text not null,
	primary key (audience, token, name_key, user_id)
);
-- 3. Vocabulary of name tokens (prefix expansion and typo expansion of the query tokens).
--    Insert-only; a token whose last holder left simply expands to an empty posting list.
create table if not exists member_name_vocab (token text primary key);
create index if not exists member_name_vocab_prefix_idx on member_name_vocab (token text_pattern_ops);
create index if not exists member_name_vocab_trgm_idx on member_name_vocab using gin (token gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- 4. Maintenance: a trigger on member_profile, so save-profile.ts, imports, erasure (ON DELETE
--    CASCADE from "user") and the seed all keep the three tables in step in the same transaction.
--    (Alternative: call the same statements from save-profile.ts next to searchData().)
-- ---------------------------------------------------------------------------------------------
create or replace function member_search_sync() returns trigger language plpgsql as $$
declare
	uid text := coalesce(new.user_id, old.user_id);
begin
	delete from member_search where audience in ('public', 'members') and user_id = uid;  -- uses the primary key
	delete from member_name_token where user_id = uid;   -- by (user_id): see member_name_token_user_idx
	if tg_op <> 'DELETE' then
		insert into member_search (audience, user_id, name_key, tsv, facets)
		select 'public', new.user_id, new.name_key, coalesce(new.search_public, ''::tsvector), new.facets_public
		where new.listed = 'public'
		union all
		select 'members', new.user_id, new.name_key, coalesce(new.search_members, ''::tsvector), new.facets_members
		where new.listed <> 'nobody';
		insert into member_name_token (audience, token, name_key, user_id)
		select distinct s.audience, t, s.name_key, s.user_id
		from member_search s, unnest(string_to_array(s.name_key, ' ')) t
		where s.audience in ('public', 'members') and s.user_id = new.user_id and t <> ''
		on conflict do nothing;
		insert into member_name_vocab (token)
		select distinct t from unnest(string_to_array(new.name_key, ' ')) t where t <> ''
		on conflict do nothing;
	end if;
	return null;
end $$;
create index if not exists member_name_token_user_idx on member_name_token (user_id);
drop trigger if exists member_search_sync on member_profile;
create trigger member_search_sync after insert or delete or update of listed, name_key, search_public,
	search_members, facets_public, facets_members on member_profile
	for each row execute function member_search_sync();

-- backfill (once, in the migration)
insert into member_search (audience, user_id, name_key, tsv, facets)
select 'public', user_id, name_key, coalesce(search_public, ''::tsvector), facets_public from member_profile where listed = 'public'
union all
select 'members', user_id, name_key, coalesce(search_members, ''::tsvector), facets_members from member_profile where listed <> 'nobody'
on conflict do nothing;
insert into member_name_token (audience, token, name_key, user_id)
select distinct audience, t, name_key, user_id from member_search, unnest(string_to_array(name_key, ' ')) t where t <> ''
on conflict do nothing;
insert into member_name_vocab select distinct token from member_name_token on conflict do nothing;
vacuum analyze member_search;
vacuum analyze member_name_token;
vacuum analyze member_name_vocab;

-- ---------------------------------------------------------------------------------------------
-- 5. The member queries: one statement per request (page rows + total), five shapes per audience,
--    generated by a script (CAP=1000; probe 200 for one token, 500 otherwise).
--    * member_search_text1_<aud>(key, tsquery, token, '{}', per_page, offset)     one query token
--    * member_search_text_<aud>(key, tsquery, driver, others[], per_page, offset) several tokens
--    * member_search_text_facets_<aud>(... , facets[])                           text + facets
--    * member_search_browse_<aud>(per_page, offset)                              no text, no facets
--    * member_search_facets_<aud>(facets[], per_page, offset)                    facets only
--    key = searchKey(q); tsquery = prefixQuery(key) (e.g. 'hel:* & mba:*'); driver = the longest
--    token; others = the remaining tokens. Tokens come from searchKey(): letters, digits, single
--    spaces only, so no LIKE escaping and no tsquery quoting is needed.
--    The audience is a literal, not a parameter: partial indexes (where audience = 'public') can be
--    used by a generic plan only when the predicate is in the SQL text (with audience as $1 the
--    generic plans fell back to member_search_pkey + filter: 150-800 ms).
--    Use named prepared statements (node-postgres: { name, text, values }; drizzle .prepare(name))
--    so planning (2-5 ms for these CTE queries) happens once per connection; text statements are
--    good with generic plans, the two browse statements should be planned per call (facet values
--    decide between the name-ordered b-tree walk and the GIN bitmap): send them unnamed.
--    Set max_parallel_workers_per_gather = 0 for the search role: a Gather under a one-time filter
--    still starts workers (measured +8 ms).
--
--    Order: tier 0 = every query token is a prefix of a name token (by name_key, user_id);
--           tier 1 = the driver token matches a name token only with a typo (word_similarity >= 0.6,
--                    pg_trgm.word_similarity_threshold), by similarity desc, name_key, user_id;
--           tier 2 = full-text match in the other visible fields, by name_key, user_id.
--    Plan: if the full-text candidate set (GIN, facets intersected inside the index) has <= 200
--          rows (500 for several tokens / facets), rank it (plus the typo tier) exactly; otherwise walk the name-token postings /
--          member_search_order in index order and stop after offset+per_page rows (the tier-2
--          walk looks at no more than 2,000 rows, then falls back to GIN bitmap + top-N sort).
--    Total: exact up to 200; past that the count of name-prefix postings (index-only) up to 1,000;
--           lower_bound = true means "N+" (e.g. "1,000+").
-- ---------------------------------------------------------------------------------------------
prepare member_search_text1_public(text, text, text, text[], int, int) as
with v0 as materialized (
	select token from member_name_vocab where token like $3::text || '%' order by token limit 50),
v1 as materialized (
	select token, word_similarity($3::text, token) sim from member_name_vocab
	where length($3::text) >= 4 and $3::text <% token and token not like $3::text || '%' order by sim desc, token limit 10),
c0 as materialized (
	select count(*) n from (select from v0 cross join lateral (
		select from member_name_token t where t.audience = 'public' and t.token = v0.token and true
		limit 1001) z limit 1001) c),
probe as materialized (
	select user_id, name_key, case when not exists (select from unnest(($4::text[] || $3::text::text)) o where not (name_key like o || '%' or name_key like '% ' || o || '%')) then 0 else 2 end tier, 1::real sim
	from member_search where audience = 'public' and tsv @@ to_tsquery('simple', $2::text) and (select n from c0) <= 200 limit 201),
np as materialized (select case when (select n from c0) > 200 then (select n from c0) else (select count(*) from probe) end n),
fz as materialized (
	select 1 tier, y.sim, y.name_key, y.user_id from (
		select distinct on (x.user_id) v1.sim, x.name_key, x.user_id from v1 cross join lateral (
			select t.name_key, t.user_id from member_name_token t
			where t.audience = 'public' and t.token = v1.token
			  
			order by t.name_key, t.user_id limit $5::int + $6::int) x
		order by x.user_id, v1.sim desc) y
	order by y.sim desc, y.name_key, y.user_id limit $5::int + $6::int),
w2 as materialized (
	select name_key, user_id from (
		select s.name_key, s.user_id, s.tsv from member_search s where s.audience = 'public'
		order by s.name_key, s.user_id limit 2000) s
	where s.tsv @@ to_tsquery('simple', $2::text)
	  and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
	  and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
	limit $5::int + $6::int),
page as (
	(select tier, sim, name_key, user_id from (
		select tier, sim, name_key, user_id from probe
		union all
		select tier, sim, name_key, user_id from fz where not exists (select from probe where probe.user_id = fz.user_id)) c
	 where (select n from np) <= 200
	 order by tier, sim desc, name_key, user_id limit $5::int offset $6::int)
	union all
	(select * from (
		(select 0 tier, 1::real sim, y.name_key, y.user_id from (
			select distinct on (x.name_key, x.user_id) x.name_key, x.user_id from v0 cross join lateral (
				select t.name_key, t.user_id from member_name_token t
				where t.audience = 'public' and t.token = v0.token and true
				order by t.name_key, t.user_id limit $5::int + $6::int) x
			order by x.name_key, x.user_id) y
		 limit $5::int + $6::int)
		union all
		(select tier, sim, name_key, user_id from fz order by sim desc, name_key, user_id limit $5::int + $6::int)
		union all
		(select 2, 0::real, name_key, user_id from w2 where (select count(*) from w2) >= $5::int + $6::int)
		union all
		(select 2, 0::real, s.name_key, s.user_id from member_search s
		 where (select count(*) from w2) < $5::int + $6::int and s.audience = 'public' and s.tsv @@ to_tsquery('simple', $2::text)
		   and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
		   and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
		 order by s.name_key, s.user_id limit $5::int + $6::int)
	 ) w where (select n from np) > 200
	 limit $5::int offset $6::int)),
total as materialized (
	select case when np.n <= 200 then np.n + (select count(*) from (select from v1 cross join lateral (
	                 select t.user_id from member_name_token t where t.audience = 'public' and t.token = v1.token
	                   
	                   and not exists (select from probe where probe.user_id = t.user_id)
	                 limit 1001) z limit 1001) c)
	       else greatest(np.n, (select n from c0) + (select count(*) from (select from v1 cross join lateral (
	                 select from member_name_token t where t.audience = 'public' and t.token = v1.token limit 1001) z limit 1001) c)) end n,
	       np.n > 200 as lower_bound
	from np),
numbered as (select row_number() over (order by tier, sim desc, name_key, user_id) pos, user_id, tier from page)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, n.tier, least(total.n, 1001) as total, total.lower_bound
from numbered n
join member_profile mp on mp.user_id = n.user_id
join "user" u on u.id = n.user_id
cross join total
order by n.pos;

prepare member_search_text_public(text, text, text, text[], int, int) as
with v0 as materialized (
	select token from member_name_vocab where token like $3::text || '%' order by token limit 50),
v1 as materialized (
	select token, word_similarity($3::text, token) sim from member_name_vocab
	where length($3::text) >= 4 and $3::text <% token and token not like $3::text || '%' order by sim desc, token limit 10),
c0 as not materialized (
	select count(*) n from (select from v0 cross join lateral (
		select from member_name_token t where t.audience = 'public' and t.token = v0.token and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%'))
		limit 1001) z limit 1001) c),
probe as materialized (
	select user_id, name_key, case when not exists (select from unnest(($4::text[] || $3::text::text)) o where not (name_key like o || '%' or name_key like '% ' || o || '%')) then 0 else 2 end tier, 1::real sim
	from member_search where audience = 'public' and tsv @@ to_tsquery('simple', $2::text) limit 501),
np as materialized (select (select count(*) from probe) n),
fz as materialized (
	select 1 tier, y.sim, y.name_key, y.user_id from (
		select distinct on (x.user_id) v1.sim, x.name_key, x.user_id from v1 cross join lateral (
			select t.name_key, t.user_id from member_name_token t
			where t.audience = 'public' and t.token = v1.token
			  and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%' or word_similarity(o, t.name_key) >= 0.6))
			order by t.name_key, t.user_id limit $5::int + $6::int) x
		order by x.user_id, v1.sim desc) y
	order by y.sim desc, y.name_key, y.user_id limit $5::int + $6::int),
w2 as materialized (
	select name_key, user_id from (
		select s.name_key, s.user_id, s.tsv from member_search s where s.audience = 'public'
		order by s.name_key, s.user_id limit 2000) s
	where s.tsv @@ to_tsquery('simple', $2::text)
	  and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
	  and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
	limit $5::int + $6::int),
page as (
	(select tier, sim, name_key, user_id from (
		select tier, sim, name_key, user_id from probe
		union all
		select tier, sim, name_key, user_id from fz where not exists (select from probe where probe.user_id = fz.user_id)) c
	 where (select n from np) <= 500
	 order by tier, sim desc, name_key, user_id limit $5::int offset $6::int)
	union all
	(select * from (
		(select 0 tier, 1::real sim, y.name_key, y.user_id from (
			select distinct on (x.name_key, x.user_id) x.name_key, x.user_id from v0 cross join lateral (
				select t.name_key, t.user_id from member_name_token t
				where t.audience = 'public' and t.token = v0.token and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%'))
				order by t.name_key, t.user_id limit $5::int + $6::int) x
			order by x.name_key, x.user_id) y
		 limit $5::int + $6::int)
		union all
		(select tier, sim, name_key, user_id from fz order by sim desc, name_key, user_id limit $5::int + $6::int)
		union all
		(select 2, 0::real, name_key, user_id from w2 where (select count(*) from w2) >= $5::int + $6::int)
		union all
		(select 2, 0::real, s.name_key, s.user_id from member_search s
		 where (select count(*) from w2) < $5::int + $6::int and s.audience = 'public' and s.tsv @@ to_tsquery('simple', $2::text)
		   and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
		   and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
		 order by s.name_key, s.user_id limit $5::int + $6::int)
	 ) w where (select n from np) > 500
	 limit $5::int offset $6::int)),
total as materialized (
	select case when np.n <= 500 then np.n + (select count(*) from (select from v1 cross join lateral (
	                 select t.user_id from member_name_token t where t.audience = 'public' and t.token = v1.token
	                   and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%' or word_similarity(o, t.name_key) >= 0.6))
	                   and not exists (select from probe where probe.user_id = t.user_id)
	                 limit 1001) z limit 1001) c)
	       else greatest(np.n, (select n from c0) + (select count(*) from (select from v1 cross join lateral (
	                 select from member_name_token t where t.audience = 'public' and t.token = v1.token limit 1001) z limit 1001) c)) end n,
	       np.n > 500 as lower_bound
	from np),
numbered as (select row_number() over (order by tier, sim desc, name_key, user_id) pos, user_id, tier from page)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, n.tier, least(total.n, 1001) as total, total.lower_bound
from numbered n
join member_profile mp on mp.user_id = n.user_id
join "user" u on u.id = n.user_id
cross join total
order by n.pos;

prepare member_search_text_facets_public(text, text, text, text[], int, int, text[]) as
with v0 as materialized (
	select token from member_name_vocab where token like $3::text || '%' order by token limit 50),
v1 as materialized (
	select token, word_similarity($3::text, token) sim from member_name_vocab
	where length($3::text) >= 4 and $3::text <% token and token not like $3::text || '%' order by sim desc, token limit 10),
c0 as not materialized (
	select count(*) n from (select from v0 cross join lateral (
		select from member_name_token t where t.audience = 'public' and t.token = v0.token and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%')) and exists (select from member_search f where f.audience = 'public' and f.user_id = t.user_id and f.facets @> $7::text[])
		limit 1001) z limit 1001) c),
probe as materialized (
	select user_id, name_key, case when not exists (select from unnest(($4::text[] || $3::text::text)) o where not (name_key like o || '%' or name_key like '% ' || o || '%')) then 0 else 2 end tier, 1::real sim
	from member_search where audience = 'public' and facets @> $7::text[] and tsv @@ to_tsquery('simple', $2::text) limit 501),
np as materialized (select (select count(*) from probe) n),
fz as materialized (
	select 1 tier, word_similarity($1::text, name_key) sim, name_key, user_id from member_search
	where audience = 'public' and facets @> $7::text[] and length($3::text) >= 4 and $1::text <% name_key and not (tsv @@ to_tsquery('simple', $2::text)) limit 501),
w2 as materialized (
	select name_key, user_id from (
		select s.name_key, s.user_id, s.tsv from member_search s where s.audience = 'public' and s.facets @> $7::text[]
		order by s.name_key, s.user_id limit 2000) s
	where s.tsv @@ to_tsquery('simple', $2::text)
	  and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
	  and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
	limit $5::int + $6::int),
page as (
	(select tier, sim, name_key, user_id from (
		select tier, sim, name_key, user_id from probe
		union all
		select tier, sim, name_key, user_id from fz where not exists (select from probe where probe.user_id = fz.user_id)) c
	 where (select n from np) <= 500
	 order by tier, sim desc, name_key, user_id limit $5::int offset $6::int)
	union all
	(select * from (
		(select 0 tier, 1::real sim, y.name_key, y.user_id from (
			select distinct on (x.name_key, x.user_id) x.name_key, x.user_id from v0 cross join lateral (
				select t.name_key, t.user_id from member_name_token t
				where t.audience = 'public' and t.token = v0.token and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%')) and exists (select from member_search f where f.audience = 'public' and f.user_id = t.user_id and f.facets @> $7::text[])
				order by t.name_key, t.user_id limit $5::int + $6::int) x
			order by x.name_key, x.user_id) y
		 limit $5::int + $6::int)
		union all
		(select tier, sim, name_key, user_id from fz order by sim desc, name_key, user_id limit $5::int + $6::int)
		union all
		(select 2, 0::real, name_key, user_id from w2 where (select count(*) from w2) >= $5::int + $6::int)
		union all
		(select 2, 0::real, s.name_key, s.user_id from member_search s
		 where (select count(*) from w2) < $5::int + $6::int and s.audience = 'public' and s.facets @> $7::text[] and s.tsv @@ to_tsquery('simple', $2::text)
		   and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
		   and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
		 order by s.name_key, s.user_id limit $5::int + $6::int)
	 ) w where (select n from np) > 500
	 limit $5::int offset $6::int)),
total as materialized (
	select case when np.n <= 500 then np.n + (select count(*) from fz)
	       else greatest(np.n, 0 + (select count(*) from (select from v1 cross join lateral (
	                 select from member_name_token t where t.audience = 'public' and t.token = v1.token limit 1001) z limit 1001) c)) end n,
	       np.n > 500 as lower_bound
	from np),
numbered as (select row_number() over (order by tier, sim desc, name_key, user_id) pos, user_id, tier from page)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, n.tier, least(total.n, 1001) as total, total.lower_bound
from numbered n
join member_profile mp on mp.user_id = n.user_id
join "user" u on u.id = n.user_id
cross join total
order by n.pos;

prepare member_search_browse_public(int, int) as
with page as (
	select user_id, row_number() over (order by name_key, user_id) pos
	from (select name_key, user_id from member_search where audience = 'public'
	      order by name_key, user_id limit $1::int offset $2::int) p),
total as materialized (
	select count(*) n from (select from member_search where audience = 'public' limit 1001) c)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, 0 tier, total.n as total, total.n > 1000 as lower_bound
from page
join member_profile mp on mp.user_id = page.user_id
join "user" u on u.id = page.user_id
cross join total
order by page.pos;

prepare member_search_facets_public(text[], int, int) as
with page as (
	select user_id, row_number() over (order by name_key, user_id) pos
	from (select name_key, user_id from member_search where audience = 'public' and facets @> $1::text[]
	      order by name_key, user_id limit $2::int offset $3::int) p),
total as materialized (
	select count(*) n from (select from member_search where audience = 'public' and facets @> $1::text[] limit 1001) c)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, 0 tier, total.n as total, total.n > 1000 as lower_bound
from page
join member_profile mp on mp.user_id = page.user_id
join "user" u on u.id = page.user_id
cross join total
order by page.pos;

prepare member_search_text1_members(text, text, text, text[], int, int) as
with v0 as materialized (
	select token from member_name_vocab where token like $3::text || '%' order by token limit 50),
v1 as materialized (
	select token, word_similarity($3::text, token) sim from member_name_vocab
	where length($3::text) >= 4 and $3::text <% token and token not like $3::text || '%' order by sim desc, token limit 10),
c0 as materialized (
	select count(*) n from (select from v0 cross join lateral (
		select from member_name_token t where t.audience = 'members' and t.token = v0.token and true
		limit 1001) z limit 1001) c),
probe as materialized (
	select user_id, name_key, case when not exists (select from unnest(($4::text[] || $3::text::text)) o where not (name_key like o || '%' or name_key like '% ' || o || '%')) then 0 else 2 end tier, 1::real sim
	from member_search where audience = 'members' and tsv @@ to_tsquery('simple', $2::text) and (select n from c0) <= 200 limit 201),
np as materialized (select case when (select n from c0) > 200 then (select n from c0) else (select count(*) from probe) end n),
fz as materialized (
	select 1 tier, y.sim, y.name_key, y.user_id from (
		select distinct on (x.user_id) v1.sim, x.name_key, x.user_id from v1 cross join lateral (
			select t.name_key, t.user_id from member_name_token t
			where t.audience = 'members' and t.token = v1.token
			  
			order by t.name_key, t.user_id limit $5::int + $6::int) x
		order by x.user_id, v1.sim desc) y
	order by y.sim desc, y.name_key, y.user_id limit $5::int + $6::int),
w2 as materialized (
	select name_key, user_id from (
		select s.name_key, s.user_id, s.tsv from member_search s where s.audience = 'members'
		order by s.name_key, s.user_id limit 2000) s
	where s.tsv @@ to_tsquery('simple', $2::text)
	  and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
	  and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
	limit $5::int + $6::int),
page as (
	(select tier, sim, name_key, user_id from (
		select tier, sim, name_key, user_id from probe
		union all
		select tier, sim, name_key, user_id from fz where not exists (select from probe where probe.user_id = fz.user_id)) c
	 where (select n from np) <= 200
	 order by tier, sim desc, name_key, user_id limit $5::int offset $6::int)
	union all
	(select * from (
		(select 0 tier, 1::real sim, y.name_key, y.user_id from (
			select distinct on (x.name_key, x.user_id) x.name_key, x.user_id from v0 cross join lateral (
				select t.name_key, t.user_id from member_name_token t
				where t.audience = 'members' and t.token = v0.token and true
				order by t.name_key, t.user_id limit $5::int + $6::int) x
			order by x.name_key, x.user_id) y
		 limit $5::int + $6::int)
		union all
		(select tier, sim, name_key, user_id from fz order by sim desc, name_key, user_id limit $5::int + $6::int)
		union all
		(select 2, 0::real, name_key, user_id from w2 where (select count(*) from w2) >= $5::int + $6::int)
		union all
		(select 2, 0::real, s.name_key, s.user_id from member_search s
		 where (select count(*) from w2) < $5::int + $6::int and s.audience = 'members' and s.tsv @@ to_tsquery('simple', $2::text)
		   and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
		   and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
		 order by s.name_key, s.user_id limit $5::int + $6::int)
	 ) w where (select n from np) > 200
	 limit $5::int offset $6::int)),
total as materialized (
	select case when np.n <= 200 then np.n + (select count(*) from (select from v1 cross join lateral (
	                 select t.user_id from member_name_token t where t.audience = 'members' and t.token = v1.token
	                   
	                   and not exists (select from probe where probe.user_id = t.user_id)
	                 limit 1001) z limit 1001) c)
	       else greatest(np.n, (select n from c0) + (select count(*) from (select from v1 cross join lateral (
	                 select from member_name_token t where t.audience = 'members' and t.token = v1.token limit 1001) z limit 1001) c)) end n,
	       np.n > 200 as lower_bound
	from np),
numbered as (select row_number() over (order by tier, sim desc, name_key, user_id) pos, user_id, tier from page)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, n.tier, least(total.n, 1001) as total, total.lower_bound
from numbered n
join member_profile mp on mp.user_id = n.user_id
join "user" u on u.id = n.user_id
cross join total
order by n.pos;

prepare member_search_text_members(text, text, text, text[], int, int) as
with v0 as materialized (
	select token from member_name_vocab where token like $3::text || '%' order by token limit 50),
v1 as materialized (
	select token, word_similarity($3::text, token) sim from member_name_vocab
	where length($3::text) >= 4 and $3::text <% token and token not like $3::text || '%' order by sim desc, token limit 10),
c0 as not materialized (
	select count(*) n from (select from v0 cross join lateral (
		select from member_name_token t where t.audience = 'members' and t.token = v0.token and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%'))
		limit 1001) z limit 1001) c),
probe as materialized (
	select user_id, name_key, case when not exists (select from unnest(($4::text[] || $3::text::text)) o where not (name_key like o || '%' or name_key like '% ' || o || '%')) then 0 else 2 end tier, 1::real sim
	from member_search where audience = 'members' and tsv @@ to_tsquery('simple', $2::text) limit 501),
np as materialized (select (select count(*) from probe) n),
fz as materialized (
	select 1 tier, y.sim, y.name_key, y.user_id from (
		select distinct on (x.user_id) v1.sim, x.name_key, x.user_id from v1 cross join lateral (
			select t.name_key, t.user_id from member_name_token t
			where t.audience = 'members' and t.token = v1.token
			  and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%' or word_similarity(o, t.name_key) >= 0.6))
			order by t.name_key, t.user_id limit $5::int + $6::int) x
		order by x.user_id, v1.sim desc) y
	order by y.sim desc, y.name_key, y.user_id limit $5::int + $6::int),
w2 as materialized (
	select name_key, user_id from (
		select s.name_key, s.user_id, s.tsv from member_search s where s.audience = 'members'
		order by s.name_key, s.user_id limit 2000) s
	where s.tsv @@ to_tsquery('simple', $2::text)
	  and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
	  and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
	limit $5::int + $6::int),
page as (
	(select tier, sim, name_key, user_id from (
		select tier, sim, name_key, user_id from probe
		union all
		select tier, sim, name_key, user_id from fz where not exists (select from probe where probe.user_id = fz.user_id)) c
	 where (select n from np) <= 500
	 order by tier, sim desc, name_key, user_id limit $5::int offset $6::int)
	union all
	(select * from (
		(select 0 tier, 1::real sim, y.name_key, y.user_id from (
			select distinct on (x.name_key, x.user_id) x.name_key, x.user_id from v0 cross join lateral (
				select t.name_key, t.user_id from member_name_token t
				where t.audience = 'members' and t.token = v0.token and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%'))
				order by t.name_key, t.user_id limit $5::int + $6::int) x
			order by x.name_key, x.user_id) y
		 limit $5::int + $6::int)
		union all
		(select tier, sim, name_key, user_id from fz order by sim desc, name_key, user_id limit $5::int + $6::int)
		union all
		(select 2, 0::real, name_key, user_id from w2 where (select count(*) from w2) >= $5::int + $6::int)
		union all
		(select 2, 0::real, s.name_key, s.user_id from member_search s
		 where (select count(*) from w2) < $5::int + $6::int and s.audience = 'members' and s.tsv @@ to_tsquery('simple', $2::text)
		   and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
		   and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
		 order by s.name_key, s.user_id limit $5::int + $6::int)
	 ) w where (select n from np) > 500
	 limit $5::int offset $6::int)),
total as materialized (
	select case when np.n <= 500 then np.n + (select count(*) from (select from v1 cross join lateral (
	                 select t.user_id from member_name_token t where t.audience = 'members' and t.token = v1.token
	                   and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%' or word_similarity(o, t.name_key) >= 0.6))
	                   and not exists (select from probe where probe.user_id = t.user_id)
	                 limit 1001) z limit 1001) c)
	       else greatest(np.n, (select n from c0) + (select count(*) from (select from v1 cross join lateral (
	                 select from member_name_token t where t.audience = 'members' and t.token = v1.token limit 1001) z limit 1001) c)) end n,
	       np.n > 500 as lower_bound
	from np),
numbered as (select row_number() over (order by tier, sim desc, name_key, user_id) pos, user_id, tier from page)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, n.tier, least(total.n, 1001) as total, total.lower_bound
from numbered n
join member_profile mp on mp.user_id = n.user_id
join "user" u on u.id = n.user_id
cross join total
order by n.pos;

prepare member_search_text_facets_members(text, text, text, text[], int, int, text[]) as
with v0 as materialized (
	select token from member_name_vocab where token like $3::text || '%' order by token limit 50),
v1 as materialized (
	select token, word_similarity($3::text, token) sim from member_name_vocab
	where length($3::text) >= 4 and $3::text <% token and token not like $3::text || '%' order by sim desc, token limit 10),
c0 as not materialized (
	select count(*) n from (select from v0 cross join lateral (
		select from member_name_token t where t.audience = 'members' and t.token = v0.token and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%')) and exists (select from member_search f where f.audience = 'members' and f.user_id = t.user_id and f.facets @> $7::text[])
		limit 1001) z limit 1001) c),
probe as materialized (
	select user_id, name_key, case when not exists (select from unnest(($4::text[] || $3::text::text)) o where not (name_key like o || '%' or name_key like '% ' || o || '%')) then 0 else 2 end tier, 1::real sim
	from member_search where audience = 'members' and facets @> $7::text[] and tsv @@ to_tsquery('simple', $2::text) limit 501),
np as materialized (select (select count(*) from probe) n),
fz as materialized (
	select 1 tier, word_similarity($1::text, name_key) sim, name_key, user_id from member_search
	where audience = 'members' and facets @> $7::text[] and length($3::text) >= 4 and $1::text <% name_key and not (tsv @@ to_tsquery('simple', $2::text)) limit 501),
w2 as materialized (
	select name_key, user_id from (
		select s.name_key, s.user_id, s.tsv from member_search s where s.audience = 'members' and s.facets @> $7::text[]
		order by s.name_key, s.user_id limit 2000) s
	where s.tsv @@ to_tsquery('simple', $2::text)
	  and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
	  and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
	limit $5::int + $6::int),
page as (
	(select tier, sim, name_key, user_id from (
		select tier, sim, name_key, user_id from probe
		union all
		select tier, sim, name_key, user_id from fz where not exists (select from probe where probe.user_id = fz.user_id)) c
	 where (select n from np) <= 500
	 order by tier, sim desc, name_key, user_id limit $5::int offset $6::int)
	union all
	(select * from (
		(select 0 tier, 1::real sim, y.name_key, y.user_id from (
			select distinct on (x.name_key, x.user_id) x.name_key, x.user_id from v0 cross join lateral (
				select t.name_key, t.user_id from member_name_token t
				where t.audience = 'members' and t.token = v0.token and not exists (select from unnest($4::text[]) o where not (t.name_key like o || '%' or t.name_key like '% ' || o || '%')) and exists (select from member_search f where f.audience = 'members' and f.user_id = t.user_id and f.facets @> $7::text[])
				order by t.name_key, t.user_id limit $5::int + $6::int) x
			order by x.name_key, x.user_id) y
		 limit $5::int + $6::int)
		union all
		(select tier, sim, name_key, user_id from fz order by sim desc, name_key, user_id limit $5::int + $6::int)
		union all
		(select 2, 0::real, name_key, user_id from w2 where (select count(*) from w2) >= $5::int + $6::int)
		union all
		(select 2, 0::real, s.name_key, s.user_id from member_search s
		 where (select count(*) from w2) < $5::int + $6::int and s.audience = 'members' and s.facets @> $7::text[] and s.tsv @@ to_tsquery('simple', $2::text)
		   and not (not exists (select from unnest(($4::text[] || $3::text::text)) o where not (s.name_key like o || '%' or s.name_key like '% ' || o || '%')))
		   and not exists (select from v1 where (' ' || s.name_key || ' ') like '% ' || v1.token || ' %')
		 order by s.name_key, s.user_id limit $5::int + $6::int)
	 ) w where (select n from np) > 500
	 limit $5::int offset $6::int)),
total as materialized (
	select case when np.n <= 500 then np.n + (select count(*) from fz)
	       else greatest(np.n, 0 + (select count(*) from (select from v1 cross join lateral (
	                 select from member_name_token t where t.audience = 'members' and t.token = v1.token limit 1001) z limit 1001) c)) end n,
	       np.n > 500 as lower_bound
	from np),
numbered as (select row_number() over (order by tier, sim desc, name_key, user_id) pos, user_id, tier from page)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, n.tier, least(total.n, 1001) as total, total.lower_bound
from numbered n
join member_profile mp on mp.user_id = n.user_id
join "user" u on u.id = n.user_id
cross join total
order by n.pos;

prepare member_search_browse_members(int, int) as
with page as (
	select user_id, row_number() over (order by name_key, user_id) pos
	from (select name_key, user_id from member_search where audience = 'members'
	      order by name_key, user_id limit $1::int offset $2::int) p),
total as materialized (
	select count(*) n from (select from member_search where audience = 'members' limit 1001) c)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, 0 tier, total.n as total, total.n > 1000 as lower_bound
from page
join member_profile mp on mp.user_id = page.user_id
join "user" u on u.id = page.user_id
cross join total
order by page.pos;

prepare member_search_facets_members(text[], int, int) as
with page as (
	select user_id, row_number() over (order by name_key, user_id) pos
	from (select name_key, user_id from member_search where audience = 'members' and facets @> $1::text[]
	      order by name_key, user_id limit $2::int offset $3::int) p),
total as materialized (
	select count(*) n from (select from member_search where audience = 'members' and facets @> $1::text[] limit 1001) c)
select u.id, u.name, mp.listed, mp.visibility, mp.content_locale, mp.photo, mp.headline,
	mp.origin_countries, mp.residence_country, mp.city, mp.languages, mp.expertise, mp.interests,
	mp.bio, mp.links, 0 tier, total.n as total, total.n > 1000 as lower_bound
from page
join member_profile mp on mp.user_id = page.user_id
join "user" u on u.id = page.user_id
cross join total
order by page.pos;

-- Examples (visitor):
--   execute member_search_text1_public('mohamed', 'mohamed:*', 'mohamed', '{}', 20, 0);
--   execute member_search_text_public('hel mba', 'hel:* & mba:*', 'hel', '{mba}', 20, 0);
--   execute member_search_text_facets_public('nguyen', 'nguyen:*', 'nguyen', '{}', 20, 0, '{lang:ar}');
--   execute member_search_facets_public('{origin:SY,res:DE}', 20, 0);
--   execute member_search_browse_public(20, 0);


-- =============================================================================================
-- SERVICES (measured with the lab_svc* copies built from service, service_at_location and service_opening; queries in
-- gen_svc1.py). Same idea: a narrow table holding only what the public search may return, the
-- order served by an index, candidate sets capped.
-- =============================================================================================
create extension if not exists cube;
create extension if not exists earthdistance;

-- Listed services only (published, organisation approved, status active / temporarily closed);
-- maintained by save-service.ts / review.ts (publish) / organisation approval (trigger or code).
create table if not exists service_search (
	id text primary key references service(id) on delete cascade,
	name text not null,
	name_key text not null,
	search tsvector,
	term_ids text[] not null,
	languages text[] not null,
	free boolean not null,
	minimum_age int,
	maximum_age int,
	placeless boolean not null           -- no service_at_location with coordinates (helplines, online)
);
create index if not exists service_search_order_idx on service_search (name, id);                 -- browse, filters
create index if not exists service_search_placeless_idx on service_search (name, id) where placeless;
create index if not exists service_search_search_idx on service_search using gin (search);
create index if not exists service_search_trgm_idx on service_search using gin (name_key gin_trgm_ops);
create index if not exists service_search_terms_idx on service_search using gin (term_ids, languages);

-- One row per (service, location) with coordinates, as a 3-D earth point: KNN in distance order.
create table if not exists service_place (
	service_id text not null references service(id) on delete cascade,
	latitude float8 not null,
	longitude float8 not null,
	pt earth not null
);
create index if not exists service_place_knn_idx on service_place using gist (pt);
create index if not exists service_place_service_idx on service_place (service_id);

-- Opening intervals in UTC for yesterday .. +8 days, from service_opening (local minutes + IANA
-- zone, validity dates): DST and valid_from/valid_to are resolved when materialising, so "open
-- now" is one indexed range test. Refresh daily (job) and per service on save.
create table if not exists service_open_interval (
	service_id text not null references service(id) on delete cascade,
	during tstzrange not null
);
create index if not exists service_open_interval_during_idx on service_open_interval using gist (during);
create index if not exists service_open_interval_service_idx on service_open_interval (service_id);

-- backfill / refresh
insert into service_search
select s.id, s.name, s.name_key, s.search, s.term_ids, s.languages, s.free, s.minimum_age, s.maximum_age,
	not exists (select 1 from service_at_location x where x.service_id = s.id and x.latitude is not null)
from service s join organisation o on o.id = s.organisation_id
where s.published and o.status = 'approved' and s.status in ('active', 'temporarily closed')
on conflict (id) do nothing;
insert into service_place
select x.service_id, x.latitude, x.longitude, ll_to_earth(x.latitude, x.longitude)
from service_at_location x join service_search s on s.id = x.service_id
where x.latitude is not null and x.longitude is not null;
insert into service_open_interval
select o.service_id,
	tstzrange((d::date + make_interval(mins => o.opens)) at time zone o.time_zone,
	          (d::date + make_interval(mins => o.closes)) at time zone o.time_zone)
from service_opening o join service_search s on s.id = o.service_id
cross join generate_series(current_date - 1, current_date + 8, interval '1 day') d
where extract(isodow from d) = o.dow
	and (o.valid_from is null or o.valid_from = '' or d::date >= o.valid_from::date)
	and (o.valid_to is null or o.valid_to = '' or d::date <= o.valid_to::date);
vacuum analyze service_search;
vacuum analyze service_place;
vacuum analyze service_open_interval;

-- S1 browse / need / language / free / age / open now: walk (name, id) and filter; capped count.
--   with page as (select s.id from service_search s
--                  where s.term_ids @> array[$need] and s.languages @> array[$lang] and s.free
--                    and exists (select from service_open_interval o where o.service_id = s.id and o.during @> $at)
--                  order by s.name, s.id limit $per offset $off),
--   total as materialized (select count(*) n from (select from service_search s where <same filters> limit 1001) c)
--   select page.id, total.n from page, total;
--   (open now without other filters: total = count(distinct service_id) of
--    (select distinct service_id from service_open_interval where during @> $at limit 1001).)
--
-- S2 around a place ($lat, $lon, radius $r km): nearest locations by KNN, then placeless services.
--   with near as materialized (
--     select p.service_id, 6371 * 2 * asin(sqrt(power(sin(radians(p.latitude - $lat) / 2), 2)
--              + cos(radians($lat)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - $lon) / 2), 2))) km
--     from service_place p join service_search s on s.id = p.service_id
--     where earth_box(ll_to_earth($lat, $lon), $r * 1001) @> p.pt and <filters on s>
--     order by p.pt <-> ll_to_earth($lat, $lon) limit 2 * ($per + $off) + 10),
--   page as (
--     (select near.service_id id, min(near.km) km from near join service_search s on s.id = near.service_id
--      group by near.service_id, s.name having min(near.km) <= $r
--      order by km, s.name, near.service_id limit $per + $off)          -- today's order: km, name, id
--     union all
--     (select s.id, null::float8 from service_search s where s.placeless and <filters>
--      order by s.name, s.id limit $per + $off)
--     limit $per offset $off),
--   total as materialized (select (select count(distinct service_id) from (select p.service_id from service_place p
--        join service_search s on s.id = p.service_id
--        where earth_box(ll_to_earth($lat, $lon), $r * 1001) @> p.pt and <haversine(p) <= $r> and <filters> limit 1001) c)
--     + (select count(*) from (select from service_search s where s.placeless and <filters> limit 1001) c) n)
--   select page.id, page.km, total.n from page, total;
--   (<-> on earth/cube is the chord distance: same order as the great-circle distance; km shown is
--    today's haversine. The 2*k+10 location rows are enough while a service has few locations near
--    the point; a service with many would need a larger window.)
--
-- S3 words: GIN candidates (text, trigram on the name) when <= 200, ranked exactly by tier
--   (0 = all tokens prefix the name, 1 = typo in the name, 2 = other text) then name; otherwise
--   walk (name, id) with the text filter. See gen_svc1.py q_new(key=...).
-- ---------------------------------------------------------------------------------------------
-- teardown (drops everything above):
--   drop trigger if exists member_search_sync on member_profile;
--   drop function if exists member_search_sync();
--   drop table if exists member_search, member_name_token, member_name_vocab;
--   drop table if exists service_search, service_place, service_open_interval;
-- ---------------------------------------------------------------------------------------------
