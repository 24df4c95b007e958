ALTER TABLE "audit_log" ADD COLUMN "actor_key" text;--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_id");--> statement-breakpoint
UPDATE "audit_log" SET "actor_key" = 'p_' || left(translate(encode(sha256(convert_to('passerelle-audit:' || "actor_id", 'UTF8')), 'base64'), '+/', '-_'), 16) WHERE "actor_id" IS NOT NULL;
