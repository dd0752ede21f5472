-- Issued papers are the record of what a board or committee was sent: refuse any attempt to change them.
CREATE FUNCTION issued_papers_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'issued_papers is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER issued_papers_no_update_or_delete
  BEFORE UPDATE OR DELETE ON issued_papers
  FOR EACH ROW EXECUTE FUNCTION issued_papers_append_only();
--> statement-breakpoint
CREATE TRIGGER issued_papers_no_truncate
  BEFORE TRUNCATE ON issued_papers
  FOR EACH STATEMENT EXECUTE FUNCTION issued_papers_append_only();
