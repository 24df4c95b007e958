CREATE TABLE "gazetteer_name" (
	"key" text NOT NULL,
	"place_id" integer NOT NULL,
	"language" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "gazetteer_name_key_place_id_language_pk" PRIMARY KEY("key","place_id","language")
);
--> statement-breakpoint
CREATE TABLE "gazetteer_place" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"country" text NOT NULL,
	"population" integer DEFAULT 0 NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_location" ADD COLUMN "approximate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "gazetteer_name" ADD CONSTRAINT "gazetteer_name_place_id_gazetteer_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."gazetteer_place"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gazetteer_place_key_idx" ON "gazetteer_place" USING btree ("name_key","population");--> statement-breakpoint
CREATE INDEX "gazetteer_place_trgm_idx" ON "gazetteer_place" USING gin ("name_key" gin_trgm_ops);