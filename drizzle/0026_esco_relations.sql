CREATE TABLE "esco_occupation_skill" (
	"occupation_uri" text NOT NULL,
	"skill_uri" text NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "esco_occupation_skill_occupation_uri_skill_uri_pk" PRIMARY KEY("occupation_uri","skill_uri")
);
--> statement-breakpoint
CREATE INDEX "esco_occupation_skill_skill_idx" ON "esco_occupation_skill" USING btree ("skill_uri");