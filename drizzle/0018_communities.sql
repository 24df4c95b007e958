CREATE TABLE "community" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme" text NOT NULL,
	"country" text,
	"language" text NOT NULL,
	"visibility" text NOT NULL,
	"invite_token_hash" text,
	"member_count" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name_key" text NOT NULL,
	"search" "tsvector",
	"demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "community_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "community_member" (
	"community_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_member_community_id_user_id_pk" PRIMARY KEY("community_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "community_reply" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"thread_id" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_thread" (
	"id" text PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"author_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"reply_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_reply_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector"
);
--> statement-breakpoint
ALTER TABLE "moderation_case" ADD COLUMN "scope" text;--> statement-breakpoint
ALTER TABLE "community" ADD CONSTRAINT "community_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member" ADD CONSTRAINT "community_member_community_id_community_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."community"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member" ADD CONSTRAINT "community_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reply" ADD CONSTRAINT "community_reply_thread_id_community_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."community_thread"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reply" ADD CONSTRAINT "community_reply_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_thread" ADD CONSTRAINT "community_thread_community_id_community_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."community"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_thread" ADD CONSTRAINT "community_thread_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_search_idx" ON "community" USING gin ("search");--> statement-breakpoint
CREATE INDEX "community_listing_idx" ON "community" USING btree ("visibility","last_activity_at");--> statement-breakpoint
CREATE INDEX "community_member_user_idx" ON "community_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "community_reply_thread_idx" ON "community_reply" USING btree ("thread_id","id");--> statement-breakpoint
CREATE INDEX "community_reply_author_idx" ON "community_reply" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "community_thread_list_idx" ON "community_thread" USING btree ("community_id","pinned","last_reply_at");--> statement-breakpoint
CREATE INDEX "community_thread_search_idx" ON "community_thread" USING gin ("search");--> statement-breakpoint
CREATE INDEX "community_thread_author_idx" ON "community_thread" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "moderation_case_scope_idx" ON "moderation_case" USING btree ("scope","status");