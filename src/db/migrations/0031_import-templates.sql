CREATE TABLE "import_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"layout_signature" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"last_used_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"archived_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "reference" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "due_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "rag" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "progress" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_imports" ADD COLUMN "format" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_imports" ADD COLUMN "encoding" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_imports" ADD COLUMN "structure" jsonb;--> statement-breakpoint
ALTER TABLE "document_imports" ADD COLUMN "mapping" jsonb;--> statement-breakpoint
ALTER TABLE "document_imports" ADD COLUMN "mapping_overrides" jsonb;--> statement-breakpoint
ALTER TABLE "document_imports" ADD COLUMN "layout_signature" jsonb;--> statement-breakpoint
ALTER TABLE "document_imports" ADD COLUMN "mapping_source" text DEFAULT 'suggested' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_imports" ADD COLUMN "template_id" integer;--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_templates_name" ON "import_templates" USING btree ("organisation_id",lower("name")) WHERE "import_templates"."archived_at" is null;--> statement-breakpoint
ALTER TABLE "document_imports" ADD CONSTRAINT "document_imports_template_id_import_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."import_templates"("id") ON DELETE no action ON UPDATE no action;