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
-- The directory's search index follows member_profile: this trigger keeps member_search,
-- member_name_token and member_name_vocab in step with every write, in the same transaction
-- (profile saves, renames, erasure through ON DELETE CASCADE, the seed, restores).
CREATE FUNCTION member_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	uid text := coalesce(new.user_id, old.user_id);
BEGIN
	DELETE FROM member_search WHERE audience IN ('public', 'members') AND user_id = uid;
	DELETE FROM member_name_token WHERE user_id = uid;
	IF tg_op = 'DELETE' OR new.listed = 'nobody' THEN
		RETURN NULL;
	END IF;
	INSERT INTO member_search (audience, user_id, name_key, tsv, facets)
	SELECT 'public', new.user_id, new.name_key, coalesce(new.search_public, ''::tsvector), new.facets_public
	WHERE new.listed = 'public'
	UNION ALL
	SELECT 'members', new.user_id, new.name_key, coalesce(new.search_members, ''::tsvector), new.facets_members;
	INSERT INTO member_name_token (audience, token, name_key, user_id)
	SELECT DISTINCT a, t, new.name_key, new.user_id
	FROM unnest(CASE WHEN new.listed = 'public' THEN ARRAY['public', 'members'] ELSE ARRAY['members'] END) a,
		unnest(string_to_array(new.name_key, ' ')) t
	WHERE t <> '';
	INSERT INTO member_name_vocab (token)
	SELECT DISTINCT t FROM unnest(string_to_array(new.name_key, ' ')) t WHERE t <> ''
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;--> statement-breakpoint
-- Created before the backfill: its lock holds other writers of member_profile until this commits.
CREATE TRIGGER member_search_sync AFTER INSERT OR DELETE OR UPDATE OF listed, name_key, search_public,
	search_members, facets_public, facets_members ON member_profile
	FOR EACH ROW EXECUTE FUNCTION member_search_sync();--> statement-breakpoint
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
