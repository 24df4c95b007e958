CREATE TABLE "course_certificate" (
	"id" text PRIMARY KEY NOT NULL,
	"course_id" text,
	"user_id" text,
	"status_index" serial NOT NULL,
	"credential" jsonb,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "course_certificate_status_index_unique" UNIQUE("status_index"),
	CONSTRAINT "course_certificate_once" UNIQUE("course_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "course_certificate" ADD CONSTRAINT "course_certificate_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_certificate" ADD CONSTRAINT "course_certificate_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;