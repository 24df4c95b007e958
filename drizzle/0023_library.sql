CREATE TABLE "resource" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"themes" text[] NOT NULL,
	"country" text,
	"url" text,
	"file_key" text,
	"file_name" text,
	"file_type" text,
	"file_bytes" integer,
	"translation_group" text NOT NULL,
	"contributor_id" text,
	"organisation_id" text,
	"downloads" integer DEFAULT 0 NOT NULL,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_contributor_id_user_id_fk" FOREIGN KEY ("contributor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource" ADD CONSTRAINT "resource_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_search_idx" ON "resource" USING gin ("search");--> statement-breakpoint
CREATE INDEX "resource_themes_idx" ON "resource" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "resource_recent_idx" ON "resource" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "resource_group_idx" ON "resource" USING btree ("translation_group");--> statement-breakpoint
CREATE INDEX "resource_contributor_idx" ON "resource" USING btree ("contributor_id");