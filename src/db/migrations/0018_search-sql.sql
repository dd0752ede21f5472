-- Full-text search (src/db/search): one GIN expression index per searchable table, on exactly the
-- weighted tsvector the search's WHERE clause uses (src/db/search/documents.ts), so matching reads the index.
-- Archived rows stay indexed; the search leaves them out.
CREATE INDEX IF NOT EXISTS "plans_search" ON "plans" USING gin ((setweight(to_tsvector('english'::regconfig, title), 'A')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "priorities_search" ON "priorities" USING gin ((setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, ambition || ' ' || impact_for_children || ' ' || what_we_will_do || ' ' || sponsor_name), 'B')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "improvement_areas_search" ON "improvement_areas" USING gin ((setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, source), 'B')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "commitments_search" ON "commitments" USING gin ((setweight(to_tsvector('english'::regconfig, text), 'A') || setweight(to_tsvector('english'::regconfig, owner), 'B')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outcomes_search" ON "outcomes" USING gin ((setweight(to_tsvector('english'::regconfig, text), 'A')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "highlight_reports_search" ON "highlight_reports" USING gin ((setweight(to_tsvector('english'::regconfig, reason || ' ' || completed_by), 'B')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "highlight_report_items_search" ON "highlight_report_items" USING gin ((setweight(to_tsvector('english'::regconfig, text), 'B')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "risks_search" ON "risks" USING gin ((setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, cause || ' ' || effect || ' ' || controls || ' ' || owner_name), 'B')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "measures_search" ON "measures" USING gin ((setweight(to_tsvector('english'::regconfig, name), 'A') || setweight(to_tsvector('english'::regconfig, definition || ' ' || numerator_description || ' ' || denominator_description || ' ' || owner || ' ' || source_system), 'B')));
