CREATE TABLE "member_name_token" (
	"audience" text NOT NULL,
	"token" text NOT NULL,
	"name_key" text NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "member_name_token_audience_token_name_key_user_id_pk" PRIMARY KEY("audience","token","name_key","user_id")
);
--> statement-breakpoint
CREATE TABLE "member_name_vocab" (
	"token" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_search" (
	"audience" text NOT NULL,
	"user_id" text NOT NULL,
	"name_key" text NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"facets" text[] NOT NULL,
	CONSTRAINT "member_search_audience_user_id_pk" PRIMARY KEY("audience","user_id")
);
--> statement-breakpoint
DROP INDEX "member_profile_name_public_idx";--> statement-breakpoint
DROP INDEX "member_profile_name_members_idx";--> statement-breakpoint
DROP INDEX "member_profile_search_public_idx";--> statement-breakpoint
DROP INDEX "member_profile_search_members_idx";--> statement-breakpoint
-- The directory's search index follows member_profile: these triggers keep member_search,
-- member_name_token and member_name_vocab in step with every write, in the same transaction
-- (profile saves, renames, erasure through ON DELETE CASCADE, the seed). Statement-level, with
-- transition tables: a batch of profiles costs a few statements, not a few per row (row
-- triggers made a PGlite seed 8 times slower). Updates that leave the search columns as they
-- were (a photo, updated_at) change nothing.
CREATE FUNCTION member_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	ids text[];
BEGIN
	IF tg_op = 'UPDATE' THEN
		SELECT array_agg(f.user_id) INTO ids FROM fresh f JOIN gone g ON g.user_id = f.user_id
		WHERE (f.listed, f.name_key, f.search_public, f.search_members, f.facets_public, f.facets_members)
			IS DISTINCT FROM (g.listed, g.name_key, g.search_public, g.search_members, g.facets_public, g.facets_members);
		IF ids IS NULL THEN
			RETURN NULL;
		END IF;
	ELSIF tg_op = 'DELETE' THEN
		SELECT array_agg(user_id) INTO ids FROM gone;
	END IF;
	IF tg_op <> 'INSERT' THEN
		DELETE FROM member_search WHERE audience IN ('public', 'members') AND user_id = ANY (ids);
		DELETE FROM member_name_token WHERE user_id = ANY (ids);
	END IF;
	IF tg_op = 'DELETE' THEN
		RETURN NULL;
	END IF;
	-- INSERT: every new row; UPDATE: the rows whose search columns changed.
	INSERT INTO member_search (audience, user_id, name_key, tsv, facets)
	SELECT 'public', user_id, name_key, coalesce(search_public, ''::tsvector), facets_public
	FROM fresh WHERE listed = 'public' AND (ids IS NULL OR user_id = ANY (ids))
	UNION ALL
	SELECT 'members', user_id, name_key, coalesce(search_members, ''::tsvector), facets_members
	FROM fresh WHERE listed <> 'nobody' AND (ids IS NULL OR user_id = ANY (ids));
	INSERT INTO member_name_token (audience, token, name_key, user_id)
	SELECT DISTINCT a, t, f.name_key, f.user_id
	FROM fresh f,
		unnest(CASE WHEN f.listed = 'public' THEN ARRAY['public', 'members'] ELSE ARRAY['members'] END) a,
		unnest(string_to_array(f.name_key, ' ')) t
	WHERE f.listed <> 'nobody' AND t <> '' AND (ids IS NULL OR f.user_id = ANY (ids));
	INSERT INTO member_name_vocab (token)
	SELECT DISTINCT t FROM fresh f, unnest(string_to_array(f.name_key, ' ')) t
	WHERE f.listed <> 'nobody' AND t <> '' AND (ids IS NULL OR f.user_id = ANY (ids))
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;--> statement-breakpoint
-- Created before the backfill: their lock holds other writers of member_profile until this commits.
CREATE TRIGGER member_search_insert AFTER INSERT ON member_profile REFERENCING NEW TABLE AS fresh
	FOR EACH STATEMENT EXECUTE FUNCTION member_search_sync();--> statement-breakpoint
CREATE TRIGGER member_search_update AFTER UPDATE ON member_profile
	REFERENCING OLD TABLE AS gone NEW TABLE AS fresh
	FOR EACH STATEMENT EXECUTE FUNCTION member_search_sync();--> statement-breakpoint
CREATE TRIGGER member_search_delete AFTER DELETE ON member_profile REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION member_search_sync();--> statement-breakpoint
INSERT INTO member_search (audience, user_id, name_key, tsv, facets)
SELECT 'public', user_id, name_key, coalesce(search_public, ''::tsvector), facets_public
FROM member_profile WHERE listed = 'public'
UNION ALL
SELECT 'members', user_id, name_key, coalesce(search_members, ''::tsvector), facets_members
FROM member_profile WHERE listed <> 'nobody';--> statement-breakpoint
INSERT INTO member_name_token (audience, token, name_key, user_id)
SELECT DISTINCT audience, t, name_key, user_id
FROM member_search, unnest(string_to_array(name_key, ' ')) t WHERE t <> '';--> statement-breakpoint
INSERT INTO member_name_vocab (token) SELECT DISTINCT token FROM member_name_token;--> statement-breakpoint
ALTER TABLE "member_search" ADD CONSTRAINT "member_search_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_name_token_user_idx" ON "member_name_token" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "member_name_vocab_prefix_idx" ON "member_name_vocab" USING btree ("token" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_name_vocab_trgm_idx" ON "member_name_vocab" USING gin ("token" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "member_search_order_idx" ON "member_search" USING btree ("audience","name_key","user_id");--> statement-breakpoint
CREATE INDEX "member_search_facets_pub_idx" ON "member_search" USING gin ("facets") WHERE "member_search"."audience" = 'public';--> statement-breakpoint
CREATE INDEX "member_search_facets_mem_idx" ON "member_search" USING gin ("facets") WHERE "member_search"."audience" = 'members';--> statement-breakpoint
CREATE INDEX "member_search_fac_tsv_pub_idx" ON "member_search" USING gin ("facets","tsv") WHERE "member_search"."audience" = 'public';--> statement-breakpoint
CREATE INDEX "member_search_fac_tsv_mem_idx" ON "member_search" USING gin ("facets","tsv") WHERE "member_search"."audience" = 'members';--> statement-breakpoint
CREATE INDEX "member_search_fac_trgm_pub_idx" ON "member_search" USING gin ("facets","name_key" gin_trgm_ops) WHERE "member_search"."audience" = 'public';--> statement-breakpoint
CREATE INDEX "member_search_fac_trgm_mem_idx" ON "member_search" USING gin ("facets","name_key" gin_trgm_ops) WHERE "member_search"."audience" = 'members';--> statement-breakpoint
CREATE INDEX "member_search_tsv_pub_idx" ON "member_search" USING gin ("tsv") WHERE "member_search"."audience" = 'public';--> statement-breakpoint
CREATE INDEX "member_search_tsv_mem_idx" ON "member_search" USING gin ("tsv") WHERE "member_search"."audience" = 'members';--> statement-breakpoint
ANALYZE member_search;--> statement-breakpoint
ANALYZE member_name_token;--> statement-breakpoint
ANALYZE member_name_vocab;
