-- Full-text search over the meetings of record: agenda items (with their minutes and decisions)
-- and actions, made from src/db/search/documents.ts as in 0019.
ALTER TABLE "agenda_items" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, topic || ' ' || minutes || ' ' || decisions), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "agenda_items_search" ON "agenda_items" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD COLUMN IF NOT EXISTS "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, description), 'A') || setweight(to_tsvector('english'::regconfig, owner_name), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "meeting_actions_search" ON "meeting_actions" USING gin ("search_vector");
