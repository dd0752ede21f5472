CREATE TABLE "catalogue_indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalogue_indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"code" text NOT NULL,
	"source" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"outcome" text,
	"theme" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"dataset_name" text DEFAULT '' NOT NULL,
	"value_column" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unit" text NOT NULL,
	"polarity" text DEFAULT 'context' NOT NULL,
	"data_load_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "framework_outcome" text;--> statement-breakpoint
ALTER TABLE "improvement_areas" ADD COLUMN "framework_outcome" text;--> statement-breakpoint
ALTER TABLE "priorities" ADD COLUMN "framework_outcome" text;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "framework_outcome" text;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "catalogue_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_indicators" ADD CONSTRAINT "catalogue_indicators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_indicators" ADD CONSTRAINT "catalogue_indicators_data_load_id_data_loads_id_fk" FOREIGN KEY ("data_load_id") REFERENCES "public"."data_loads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_indicators_org_code" ON "catalogue_indicators" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE INDEX "catalogue_indicators_org_outcome" ON "catalogue_indicators" USING btree ("organisation_id","outcome");