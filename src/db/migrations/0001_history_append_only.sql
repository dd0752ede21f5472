-- The change history is the record of who changed what: refuse any attempt to rewrite it.
CREATE FUNCTION change_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'change_history is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER change_history_no_update_or_delete
  BEFORE UPDATE OR DELETE ON change_history
  FOR EACH ROW EXECUTE FUNCTION change_history_append_only();
--> statement-breakpoint
CREATE TRIGGER change_history_no_truncate
  BEFORE TRUNCATE ON change_history
  FOR EACH STATEMENT EXECUTE FUNCTION change_history_append_only();
