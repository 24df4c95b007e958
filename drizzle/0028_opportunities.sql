CREATE TABLE "application_message" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"workplace" text NOT NULL,
	"countries" text[] NOT NULL,
	"origins" text[] NOT NULL,
	"required" text[] NOT NULL,
	"optional" text[] NOT NULL,
	"languages" jsonb NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"pay" text,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"poster_id" text,
	"organisation_id" text,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_application" (
	"id" text PRIMARY KEY NOT NULL,
	"opportunity_id" text NOT NULL,
	"applicant_id" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"share_profile" boolean NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"decline_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_message" ADD CONSTRAINT "application_message_application_id_opportunity_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."opportunity_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_message" ADD CONSTRAINT "application_message_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_poster_id_user_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application" ADD CONSTRAINT "opportunity_application_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application" ADD CONSTRAINT "opportunity_application_applicant_id_user_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_message_application_idx" ON "application_message" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "opportunity_search_idx" ON "opportunity" USING gin ("search");--> statement-breakpoint
CREATE INDEX "opportunity_required_idx" ON "opportunity" USING gin ("required");--> statement-breakpoint
CREATE INDEX "opportunity_open_idx" ON "opportunity" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "opportunity_recent_idx" ON "opportunity" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "opportunity_poster_idx" ON "opportunity" USING btree ("poster_id");--> statement-breakpoint
CREATE INDEX "opportunity_organisation_idx" ON "opportunity" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_application_once" ON "opportunity_application" USING btree ("opportunity_id","applicant_id");--> statement-breakpoint
CREATE INDEX "opportunity_application_applicant_idx" ON "opportunity_application" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "skill_entry_concept_idx" ON "skill_entry" USING btree ("esco_uri");