CREATE TABLE "story" (
	"id" text PRIMARY KEY NOT NULL,
	"author_id" text,
	"organisation_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"cover_key" text,
	"cover_width" integer,
	"cover_height" integer,
	"cover_alt" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story" ADD CONSTRAINT "story_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "story_feed_idx" ON "story" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "story_language_idx" ON "story" USING btree ("language","created_at");--> statement-breakpoint
CREATE INDEX "story_author_idx" ON "story" USING btree ("author_id");