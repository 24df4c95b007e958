CREATE TABLE "sms_conversation" (
	"key" text PRIMARY KEY NOT NULL,
	"locale" text NOT NULL,
	"remaining" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "forget_recipient" boolean DEFAULT false NOT NULL;