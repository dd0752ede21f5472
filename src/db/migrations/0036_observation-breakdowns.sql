DROP INDEX "observations_measure_period_area";--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "breakdown" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "observations_measure_breakdown_period_area" ON "observations" USING btree ("measure_id","breakdown","period","area","area_code");