CREATE TABLE "appointment" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"channel" text NOT NULL,
	"video_url" text,
	"status" text DEFAULT 'open' NOT NULL,
	"booked_user_id" text,
	"booked_name" text,
	"booked_phone" text,
	"booked_locale" text,
	"booked_at" timestamp with time zone,
	"cancel_token_hash" text,
	"reminded_at" timestamp with time zone,
	"attendance" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_booked_user_id_user_id_fk" FOREIGN KEY ("booked_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_service_idx" ON "appointment" USING btree ("service_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_organisation_idx" ON "appointment" USING btree ("organisation_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_user_idx" ON "appointment" USING btree ("booked_user_id");--> statement-breakpoint
CREATE INDEX "appointment_token_idx" ON "appointment" USING btree ("cancel_token_hash");