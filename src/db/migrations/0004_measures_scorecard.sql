CREATE TABLE "comparator_settings" (
	"organisation_id" integer PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"la_name" text NOT NULL,
	"old_la_code" text DEFAULT '' NOT NULL,
	"region_name" text DEFAULT '' NOT NULL,
	"neighbour_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_loads" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "data_loads_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"layout" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"content" "bytea",
	"rows" integer DEFAULT 0 NOT NULL,
	"observation_count" integer DEFAULT 0 NOT NULL,
	"revised_count" integer DEFAULT 0 NOT NULL,
	"measure_count" integer DEFAULT 0 NOT NULL,
	"loaded_by" integer,
	"actor_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"loaded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "measure_annotations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measure_annotations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"measure_id" integer NOT NULL,
	"period" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measure_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"measure_id" integer NOT NULL,
	"priority_id" integer NOT NULL,
	"improvement_area_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "observation_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"observation_id" integer NOT NULL,
	"value" double precision,
	"suppression" text,
	"numerator" double precision,
	"denominator" double precision,
	"data_load_id" integer,
	"revised_by_load_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "observations_measure_period_area";--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "numerator_description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "denominator_description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "year_ending" integer;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "source_system" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "owner" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "tolerance_kind" text DEFAULT 'relative' NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "tolerance_amber" double precision DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "targets" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "area_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "area_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "suppression" text;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "numerator" double precision;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "denominator" double precision;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "data_load_id" integer;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "comparator_settings" ADD CONSTRAINT "comparator_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_loads" ADD CONSTRAINT "data_loads_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_loads" ADD CONSTRAINT "data_loads_loaded_by_users_id_fk" FOREIGN KEY ("loaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_annotations" ADD CONSTRAINT "measure_annotations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_links" ADD CONSTRAINT "measure_links_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_links" ADD CONSTRAINT "measure_links_priority_id_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_links" ADD CONSTRAINT "measure_links_improvement_area_id_improvement_areas_id_fk" FOREIGN KEY ("improvement_area_id") REFERENCES "public"."improvement_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_data_load_id_data_loads_id_fk" FOREIGN KEY ("data_load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_revisions" ADD CONSTRAINT "observation_revisions_revised_by_load_id_data_loads_id_fk" FOREIGN KEY ("revised_by_load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_loads_loaded_once" ON "data_loads" USING btree ("organisation_id","content_hash") WHERE "data_loads"."status" = 'loaded';--> statement-breakpoint
CREATE INDEX "measure_annotations_measure" ON "measure_annotations" USING btree ("measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_links_unique" ON "measure_links" USING btree ("measure_id","priority_id",coalesce("improvement_area_id", 0));--> statement-breakpoint
CREATE INDEX "measure_links_priority" ON "measure_links" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "observation_revisions_observation" ON "observation_revisions" USING btree ("observation_id");--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_data_load_id_data_loads_id_fk" FOREIGN KEY ("data_load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "observations_measure_period_area" ON "observations" USING btree ("measure_id","period","area","area_code");