-- Search results are kept per generation of what a search reads (src/db/search/state.ts): every
-- committed write to those tables moves search_state.generation on, once per transaction.
CREATE TABLE IF NOT EXISTS "search_state" ("id" integer PRIMARY KEY CHECK ("id" = 1), "generation" bigint NOT NULL, "changed_by" xid8);
--> statement-breakpoint
INSERT INTO "search_state" ("id", "generation") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_state_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction, however many rows it wrote.
  UPDATE search_state SET generation = generation + 1, changed_by = pg_current_xact_id()
  WHERE id = 1 AND changed_by IS DISTINCT FROM pg_current_xact_id();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "plans_search_state" AFTER INSERT OR UPDATE OR DELETE ON "plans" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "plans_search_state_truncate" AFTER TRUNCATE ON "plans" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "priorities_search_state" AFTER INSERT OR UPDATE OR DELETE ON "priorities" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "priorities_search_state_truncate" AFTER TRUNCATE ON "priorities" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "improvement_areas_search_state" AFTER INSERT OR UPDATE OR DELETE ON "improvement_areas" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "improvement_areas_search_state_truncate" AFTER TRUNCATE ON "improvement_areas" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "commitments_search_state" AFTER INSERT OR UPDATE OR DELETE ON "commitments" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "commitments_search_state_truncate" AFTER TRUNCATE ON "commitments" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "outcomes_search_state" AFTER INSERT OR UPDATE OR DELETE ON "outcomes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "outcomes_search_state_truncate" AFTER TRUNCATE ON "outcomes" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "highlight_reports_search_state" AFTER INSERT OR UPDATE OR DELETE ON "highlight_reports" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "highlight_reports_search_state_truncate" AFTER TRUNCATE ON "highlight_reports" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "highlight_report_items_search_state" AFTER INSERT OR UPDATE OR DELETE ON "highlight_report_items" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "highlight_report_items_search_state_truncate" AFTER TRUNCATE ON "highlight_report_items" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "risks_search_state" AFTER INSERT OR UPDATE OR DELETE ON "risks" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "risks_search_state_truncate" AFTER TRUNCATE ON "risks" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "measures_search_state" AFTER INSERT OR UPDATE OR DELETE ON "measures" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "measures_search_state_truncate" AFTER TRUNCATE ON "measures" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "agenda_items_search_state" AFTER INSERT OR UPDATE OR DELETE ON "agenda_items" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "agenda_items_search_state_truncate" AFTER TRUNCATE ON "agenda_items" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "meeting_actions_search_state" AFTER INSERT OR UPDATE OR DELETE ON "meeting_actions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "meeting_actions_search_state_truncate" AFTER TRUNCATE ON "meeting_actions" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "board_meetings_search_state" AFTER INSERT OR UPDATE OR DELETE ON "board_meetings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "board_meetings_search_state_truncate" AFTER TRUNCATE ON "board_meetings" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "boards_search_state" AFTER INSERT OR UPDATE OR DELETE ON "boards" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "boards_search_state_truncate" AFTER TRUNCATE ON "boards" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "measure_links_search_state" AFTER INSERT OR UPDATE OR DELETE ON "measure_links" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();
--> statement-breakpoint
CREATE TRIGGER "measure_links_search_state_truncate" AFTER TRUNCATE ON "measure_links" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();
