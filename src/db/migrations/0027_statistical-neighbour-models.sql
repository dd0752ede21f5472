CREATE TABLE "neighbour_model_councils" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "neighbour_model_councils_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"la_code" text NOT NULL,
	"la_name" text NOT NULL,
	"region_name" text DEFAULT '' NOT NULL,
	"neighbours" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "neighbour_models" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "neighbour_models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"data_load_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comparator_settings" ADD COLUMN "average" text DEFAULT 'median' NOT NULL;--> statement-breakpoint
ALTER TABLE "comparator_settings" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "old_area_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "neighbour_model_councils" ADD CONSTRAINT "neighbour_model_councils_model_id_neighbour_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."neighbour_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbour_models" ADD CONSTRAINT "neighbour_models_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbour_models" ADD CONSTRAINT "neighbour_models_data_load_id_data_loads_id_fk" FOREIGN KEY ("data_load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "neighbour_model_councils_code" ON "neighbour_model_councils" USING btree ("model_id","la_code");--> statement-breakpoint
CREATE UNIQUE INDEX "neighbour_models_org_name" ON "neighbour_models" USING btree ("organisation_id","name");