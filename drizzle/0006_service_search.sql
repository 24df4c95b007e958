CREATE TABLE "service_placeless" (
	"service_id" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "service_at_location_coordinates_idx";--> statement-breakpoint
ALTER TABLE "service_placeless" ADD CONSTRAINT "service_placeless_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_listed_name_idx" ON "service" USING btree ("name","id") WHERE "service"."published" and "service"."status" in ('active', 'temporarily closed');--> statement-breakpoint
CREATE INDEX "service_at_location_near_idx" ON "service_at_location" USING gist (point("longitude" * cos(radians("latitude")), "latitude")) WHERE "service_at_location"."latitude" is not null and "service_at_location"."longitude" is not null;--> statement-breakpoint
-- service_placeless holds the services with no service_at_location at all: a new service has
-- none; a location linked takes it out; the last one unlinked puts it back (unless the service
-- itself is going, as in a cascade). Statement-level, with transition tables, as 0005.
CREATE FUNCTION service_placeless_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO service_placeless (service_id)
	SELECT f.id FROM fresh f
	WHERE NOT EXISTS (SELECT 1 FROM service_at_location x WHERE x.service_id = f.id)
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION service_placeless_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF tg_op IN ('INSERT', 'UPDATE') THEN
		DELETE FROM service_placeless WHERE service_id IN (SELECT service_id FROM fresh);
	END IF;
	IF tg_op IN ('DELETE', 'UPDATE') THEN
		INSERT INTO service_placeless (service_id)
		SELECT DISTINCT g.service_id FROM gone g
		WHERE EXISTS (SELECT 1 FROM service s WHERE s.id = g.service_id)
			AND NOT EXISTS (SELECT 1 FROM service_at_location x WHERE x.service_id = g.service_id)
		ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER service_placeless_new AFTER INSERT ON service REFERENCING NEW TABLE AS fresh
	FOR EACH STATEMENT EXECUTE FUNCTION service_placeless_new();--> statement-breakpoint
CREATE TRIGGER service_placeless_insert AFTER INSERT ON service_at_location REFERENCING NEW TABLE AS fresh
	FOR EACH STATEMENT EXECUTE FUNCTION service_placeless_sync();--> statement-breakpoint
CREATE TRIGGER service_placeless_update AFTER UPDATE ON service_at_location
	REFERENCING OLD TABLE AS gone NEW TABLE AS fresh
	FOR EACH STATEMENT EXECUTE FUNCTION service_placeless_sync();--> statement-breakpoint
CREATE TRIGGER service_placeless_delete AFTER DELETE ON service_at_location REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION service_placeless_sync();--> statement-breakpoint
INSERT INTO service_placeless (service_id)
SELECT s.id FROM service s
WHERE NOT EXISTS (SELECT 1 FROM service_at_location x WHERE x.service_id = s.id);--> statement-breakpoint
ANALYZE service_placeless;--> statement-breakpoint
ANALYZE service_at_location;
