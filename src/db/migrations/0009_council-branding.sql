CREATE TABLE "council_branding" (
	"organisation_id" integer PRIMARY KEY NOT NULL,
	"brand_colour" text DEFAULT '' NOT NULL,
	"logo" "bytea",
	"logo_type" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "council_branding" ADD CONSTRAINT "council_branding_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;