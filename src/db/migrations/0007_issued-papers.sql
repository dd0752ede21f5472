CREATE TABLE "issued_papers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "issued_papers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"version" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" integer,
	"issued_by_name" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"content" jsonb NOT NULL,
	"html" text,
	"docx" "bytea" NOT NULL,
	"pdf" "bytea" NOT NULL,
	CONSTRAINT "issued_papers_reason_on_reissue" CHECK ("issued_papers"."version" = 1 or "issued_papers"."reason" <> '')
);
--> statement-breakpoint
ALTER TABLE "issued_papers" ADD CONSTRAINT "issued_papers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_papers" ADD CONSTRAINT "issued_papers_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issued_papers_kind_subject_version" ON "issued_papers" USING btree ("kind","subject_id","version");