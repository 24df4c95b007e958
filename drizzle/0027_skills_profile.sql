CREATE TABLE "skill_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"esco_uri" text,
	"title" text,
	"place" text,
	"country" text,
	"started" text,
	"ended" text,
	"language" text,
	"level" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "skill_entry" ADD CONSTRAINT "skill_entry_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skill_entry_user_idx" ON "skill_entry" USING btree ("user_id","kind");