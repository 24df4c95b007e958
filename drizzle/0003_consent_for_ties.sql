CREATE TABLE "organisation_invitation" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"contact" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"answered_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "organisation_invitation_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "person_confirmation" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "person_token_hash" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "person_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisation_invitation" ADD CONSTRAINT "organisation_invitation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitation" ADD CONSTRAINT "organisation_invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitation" ADD CONSTRAINT "organisation_invitation_answered_by_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_invitation_org_contact_idx" ON "organisation_invitation" USING btree ("organisation_id","contact");--> statement-breakpoint
CREATE INDEX "organisation_invitation_contact_idx" ON "organisation_invitation" USING btree ("contact");--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_person_token_hash_unique" UNIQUE("person_token_hash");