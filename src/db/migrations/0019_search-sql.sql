-- Full-text search (src/db/search): each searchable table keeps its weighted tsvector in a generated
-- column, search_vector, with a GIN index on it. Made from src/db/search/documents.ts (a test checks
-- they agree). Archived rows stay indexed; the search leaves them out.
ALTER TABLE "plans" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "plans_search" ON "plans" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "priorities" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, ambition || ' ' || impact_for_children || ' ' || what_we_will_do || ' ' || sponsor_name), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "priorities_search" ON "priorities" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "improvement_areas" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, source), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "improvement_areas_search" ON "improvement_areas" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, text), 'A') || setweight(to_tsvector('english'::regconfig, owner), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "commitments_search" ON "commitments" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "outcomes" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, text), 'A')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outcomes_search" ON "outcomes" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "highlight_reports" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, reason || ' ' || completed_by), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "highlight_reports_search" ON "highlight_reports" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "highlight_report_items" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, text), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "highlight_report_items_search" ON "highlight_report_items" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, cause || ' ' || effect || ' ' || controls || ' ' || owner_name), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "risks_search" ON "risks" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, name), 'A') || setweight(to_tsvector('english'::regconfig, definition || ' ' || numerator_description || ' ' || denominator_description || ' ' || owner || ' ' || source_system), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "measures_search" ON "measures" USING gin ("search_vector");
