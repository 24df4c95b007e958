ALTER TABLE "user" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "user_demo_idx" ON "user" USING btree ("demo") WHERE demo;--> statement-breakpoint
CREATE INDEX "organisation_demo_idx" ON "organisation" USING btree ("demo") WHERE demo;--> statement-breakpoint
-- Databases seeded before the mark existed: the demo content's own accounts and organisations.
UPDATE "user" SET "demo" = true WHERE "email" LIKE 'demo-member-%@example.org' OR "email" LIKE '%@generated.invalid';--> statement-breakpoint
UPDATE "organisation" SET "demo" = true WHERE "slug" IN ('maison-des-diasporas', 'red-migrante-madrid', 'jusoor-amman', 'city-welcome-desk') OR "slug" LIKE 'gen-org-%' OR "slug" LIKE 'gen-svc-org-%';
