CREATE TABLE "esco_broader" (
	"uri" text NOT NULL,
	"broader" text NOT NULL,
	CONSTRAINT "esco_broader_uri_broader_pk" PRIMARY KEY("uri","broader")
);
--> statement-breakpoint
CREATE INDEX "esco_broader_broader_idx" ON "esco_broader" USING btree ("broader");