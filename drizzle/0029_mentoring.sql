CREATE TABLE "mentoring_application" (
	"id" text PRIMARY KEY NOT NULL,
	"programme_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"goals" text NOT NULL,
	"skills" text[] NOT NULL,
	"languages" jsonb NOT NULL,
	"country" text,
	"utc_offset" integer NOT NULL,
	"availability" text NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_feedback" (
	"pair_id" text NOT NULL,
	"user_id" text NOT NULL,
	"rating" integer NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_goal" (
	"id" serial PRIMARY KEY NOT NULL,
	"pair_id" text NOT NULL,
	"title" text NOT NULL,
	"met_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_pair" (
	"id" text PRIMARY KEY NOT NULL,
	"programme_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"mentee_id" text NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"dropped_by" text,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mentoring_programme" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"language" text NOT NULL,
	"reminder_days" integer DEFAULT 14 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_session" (
	"id" serial PRIMARY KEY NOT NULL,
	"pair_id" text NOT NULL,
	"author_id" text,
	"day" text NOT NULL,
	"minutes" integer NOT NULL,
	"notes" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentoring_application" ADD CONSTRAINT "mentoring_application_programme_id_mentoring_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."mentoring_programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_application" ADD CONSTRAINT "mentoring_application_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_feedback" ADD CONSTRAINT "mentoring_feedback_pair_id_mentoring_pair_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mentoring_pair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_feedback" ADD CONSTRAINT "mentoring_feedback_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_goal" ADD CONSTRAINT "mentoring_goal_pair_id_mentoring_pair_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mentoring_pair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pair" ADD CONSTRAINT "mentoring_pair_programme_id_mentoring_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."mentoring_programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pair" ADD CONSTRAINT "mentoring_pair_mentor_id_user_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pair" ADD CONSTRAINT "mentoring_pair_mentee_id_user_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_programme" ADD CONSTRAINT "mentoring_programme_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_programme" ADD CONSTRAINT "mentoring_programme_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_session" ADD CONSTRAINT "mentoring_session_pair_id_mentoring_pair_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mentoring_pair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_session" ADD CONSTRAINT "mentoring_session_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_application_once" ON "mentoring_application" USING btree ("programme_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_feedback_once" ON "mentoring_feedback" USING btree ("pair_id","user_id");--> statement-breakpoint
CREATE INDEX "mentoring_goal_pair_idx" ON "mentoring_goal" USING btree ("pair_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_pair_mentee_once" ON "mentoring_pair" USING btree ("programme_id","mentee_id") WHERE "mentoring_pair"."status" <> 'dropped';--> statement-breakpoint
CREATE INDEX "mentoring_pair_mentor_idx" ON "mentoring_pair" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentoring_programme_organisation_idx" ON "mentoring_programme" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "mentoring_session_pair_idx" ON "mentoring_session" USING btree ("pair_id");