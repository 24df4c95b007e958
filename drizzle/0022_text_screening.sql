CREATE TABLE "moderation_screening" (
	"kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"author_id" text,
	"subject" jsonb NOT NULL,
	"text" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_screening_kind_subject_id_pk" PRIMARY KEY("kind","subject_id")
);
--> statement-breakpoint
ALTER TABLE "moderation_case" ADD COLUMN "classifier_label" text;--> statement-breakpoint
ALTER TABLE "moderation_case" ADD COLUMN "classifier_score" real;--> statement-breakpoint
ALTER TABLE "moderation_screening" ADD CONSTRAINT "moderation_screening_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_screening_queued_idx" ON "moderation_screening" USING btree ("queued_at");