-- A council's data version (src/db/data-versions/queries.ts): it goes up once for each transaction
-- that wrote the council's change history, as that transaction commits (a deferred constraint
-- trigger), so no one reads the new number before the records it stands for, and the row is locked
-- only at commit, after the transaction's other locks, so two writers cannot deadlock on it. Every
-- change to a council's records has its history row (src/db/changes.ts), so the number moves with
-- every change, whichever instance made it. Pages kept for a number are right while it is unchanged.
CREATE TABLE IF NOT EXISTS "data_versions" (
  "organisation_id" integer PRIMARY KEY REFERENCES "organisations" ("id") ON DELETE CASCADE,
  "version" bigint NOT NULL,
  "changed_by" xid8
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per council and transaction, however many history rows it wrote (an import writes thousands).
  INSERT INTO data_versions AS d (organisation_id, version, changed_by)
  VALUES (NEW.organisation_id, 1, pg_current_xact_id())
  ON CONFLICT (organisation_id) DO UPDATE SET version = d.version + 1, changed_by = pg_current_xact_id()
  WHERE d.changed_by IS DISTINCT FROM pg_current_xact_id();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "change_history_data_version" AFTER INSERT ON "change_history" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_changed();
