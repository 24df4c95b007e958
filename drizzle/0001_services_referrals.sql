CREATE TABLE "organisation_hsds" (
	"organisation_id" text NOT NULL,
	"doc" jsonb NOT NULL,
	CONSTRAINT "organisation_hsds_organisation_id_pk" PRIMARY KEY("organisation_id")
);
--> statement-breakpoint
CREATE TABLE "service" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"name" text NOT NULL,
	"doc" jsonb NOT NULL,
	"content_locale" text DEFAULT 'en' NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"review_state" text DEFAULT 'none' NOT NULL,
	"pending" jsonb,
	"review_note" text,
	"verified_at" timestamp with time zone,
	"stale_reminded_at" timestamp with time zone,
	"term_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"free" boolean DEFAULT false NOT NULL,
	"minimum_age" integer,
	"maximum_age" integer,
	"name_key" text DEFAULT '' NOT NULL,
	"search" "tsvector",
	"short_code" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_short_code_unique" UNIQUE("short_code")
);
--> statement-breakpoint
CREATE TABLE "service_at_location" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"location_id" text NOT NULL,
	"doc" jsonb NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_location" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text,
	"name" text DEFAULT '' NOT NULL,
	"doc" jsonb NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"city" text,
	"city_key" text,
	"country" text,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_opening" (
	"service_id" text NOT NULL,
	"dow" smallint NOT NULL,
	"opens" smallint NOT NULL,
	"closes" smallint NOT NULL,
	"time_zone" text NOT NULL,
	"valid_from" text,
	"valid_to" text
);
--> statement-breakpoint
CREATE TABLE "hsds_taxonomy" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"uri" text,
	"version" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hsds_taxonomy_term" (
	"id" text PRIMARY KEY NOT NULL,
	"taxonomy_id" text,
	"parent_id" text,
	"code" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"term_uri" text,
	"language" text,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"from_organisation_id" text NOT NULL,
	"to_organisation_id" text NOT NULL,
	"created_by" text,
	"person_user_id" text,
	"person" jsonb NOT NULL,
	"consent" jsonb NOT NULL,
	"term_ids" text[] NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"reason" text,
	"outcome" text,
	"feedback" text,
	"due_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"referral_id" text NOT NULL,
	"actor_id" text,
	"kind" text NOT NULL,
	"status" text,
	"body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_hsds" ADD CONSTRAINT "organisation_hsds_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_location" ADD CONSTRAINT "service_at_location_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_location" ADD CONSTRAINT "service_at_location_location_id_service_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."service_location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_location" ADD CONSTRAINT "service_location_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_opening" ADD CONSTRAINT "service_opening_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hsds_taxonomy_term" ADD CONSTRAINT "hsds_taxonomy_term_taxonomy_id_hsds_taxonomy_id_fk" FOREIGN KEY ("taxonomy_id") REFERENCES "public"."hsds_taxonomy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_from_organisation_id_organisation_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_to_organisation_id_organisation_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_person_user_id_user_id_fk" FOREIGN KEY ("person_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_org_idx" ON "service" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "service_terms_idx" ON "service" USING gin ("term_ids");--> statement-breakpoint
CREATE INDEX "service_languages_idx" ON "service" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "service_search_idx" ON "service" USING gin ("search");--> statement-breakpoint
CREATE INDEX "service_name_trgm_idx" ON "service" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "service_updated_idx" ON "service" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "service_review_idx" ON "service" USING btree ("review_state");--> statement-breakpoint
CREATE INDEX "service_at_location_service_idx" ON "service_at_location" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "service_at_location_location_idx" ON "service_at_location" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "service_at_location_coordinates_idx" ON "service_at_location" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "service_location_org_idx" ON "service_location" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "service_location_city_idx" ON "service_location" USING btree ("city_key");--> statement-breakpoint
CREATE INDEX "service_opening_service_idx" ON "service_opening" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "hsds_taxonomy_term_code_idx" ON "hsds_taxonomy_term" USING btree ("code");--> statement-breakpoint
CREATE INDEX "referral_from_idx" ON "referral" USING btree ("from_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_to_idx" ON "referral" USING btree ("to_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_person_idx" ON "referral" USING btree ("person_user_id");--> statement-breakpoint
CREATE INDEX "referral_status_due_idx" ON "referral" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "referral_event_referral_idx" ON "referral_event" USING btree ("referral_id","created_at");