CREATE TABLE "case_audit_findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_audit_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"audit_id" integer NOT NULL,
	"description" text NOT NULL,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_audit_programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_count" integer NOT NULL,
	"auditors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"moderation_note" text DEFAULT '' NOT NULL,
	"target_percent" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_settings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_audit_settings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"outstanding_name" text DEFAULT 'Outstanding' NOT NULL,
	"good_name" text DEFAULT 'Good' NOT NULL,
	"requires_improvement_name" text DEFAULT 'Requires improvement' NOT NULL,
	"inadequate_name" text DEFAULT 'Inadequate' NOT NULL,
	"inadequate_ceiling" double precision DEFAULT 10 NOT NULL,
	"quarterly_rise" double precision DEFAULT 20 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_audit_settings_organisation_id_unique" UNIQUE("organisation_id")
);
--> statement-breakpoint
CREATE TABLE "case_audits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_audits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"case_reference" text NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"grade" text NOT NULL,
	"auditor" text NOT NULL,
	"moderated" boolean DEFAULT false NOT NULL,
	"learning" text DEFAULT '' NOT NULL,
	"audited_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_audit_findings" ADD CONSTRAINT "case_audit_findings_audit_id_case_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."case_audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_programmes" ADD CONSTRAINT "case_audit_programmes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_settings" ADD CONSTRAINT "case_audit_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_audit_findings_audit" ON "case_audit_findings" USING btree ("audit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_audit_programmes_plan_quarter" ON "case_audit_programmes" USING btree ("plan_id","quarter");--> statement-breakpoint
CREATE INDEX "case_audits_plan_quarter" ON "case_audits" USING btree ("plan_id","quarter");