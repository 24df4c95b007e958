-- Grows a seeded directory tenfold for the 1,000,000-member measurement: every member of the
-- database is copied nine times under new ids, with the same name, profile and visibility, so
-- the distributions are the generator's (which draws names from the same 72 tokens at any size).
-- One statement per copy, each through the search index's triggers as a seed batch would.
-- Usage (a copy of a database seeded with 100,000 members, e.g. createdb -T perf perf1m):
--   psql -h 127.0.0.1 -U postgres -d perf1m -f bench/search/grow.sql
--   then: vacuum analyze; node bench/search/measure.js --url …/perf1m --of members
\set ON_ERROR_STOP on
select format($q$
	insert into "user" (id, name, email, email_verified, locale, created_at, updated_at)
	select u.id || '-copy%1$s', u.name, 'copy%1$s.' || u.email, u.email_verified, u.locale, u.created_at, u.updated_at
	from "user" u join member_profile mp on mp.user_id = u.id where u.id not like '%%-copy%%';
	insert into member_profile (user_id, headline, bio, city, residence_country, origin_countries,
		languages, expertise, interests, links, photo, content_locale, listed, visibility, name_key,
		search_public, search_members, facets_public, facets_members, updated_at)
	select user_id || '-copy%1$s', headline, bio, city, residence_country, origin_countries,
		languages, expertise, interests, links, photo, content_locale, listed, visibility, name_key,
		search_public, search_members, facets_public, facets_members, updated_at
	from member_profile where user_id not like '%%-copy%%';
$q$, k) from generate_series(1, 9) k
\gexec
