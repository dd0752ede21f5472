ALTER TABLE "feedback" ADD COLUMN "approved_wording" text;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "approved_response" text;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "approved_by" integer;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "approved_by_name" text;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "resolved_suggestions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;