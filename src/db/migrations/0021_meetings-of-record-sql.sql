-- Approved minutes are the record of the meeting: once a later meeting approves them, the agenda
-- items (their titles, minutes and decisions) cannot be added to, changed or removed.
CREATE FUNCTION agenda_items_frozen_once_approved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  meeting integer := CASE WHEN TG_OP = 'INSERT' THEN NEW.meeting_id ELSE OLD.meeting_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM board_meetings WHERE id = meeting AND minutes_approved_at IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND NEW.meeting_id IS DISTINCT FROM OLD.meeting_id) THEN
    RAISE EXCEPTION 'the minutes of meeting % are approved: % of agenda_items is not allowed', meeting, TG_OP;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER agenda_items_frozen
  BEFORE INSERT OR UPDATE OR DELETE ON agenda_items
  FOR EACH ROW EXECUTE FUNCTION agenda_items_frozen_once_approved();
--> statement-breakpoint
-- An approval, once made, stays: it cannot be withdrawn or moved to another meeting.
CREATE FUNCTION board_meetings_approval_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.minutes_approved_at IS NOT NULL AND (
       NEW.minutes_approved_at IS DISTINCT FROM OLD.minutes_approved_at
       OR NEW.minutes_approved_by_meeting_id IS DISTINCT FROM OLD.minutes_approved_by_meeting_id) THEN
    RAISE EXCEPTION 'the minutes of meeting % are approved: the approval cannot be changed', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER board_meetings_approval_kept
  BEFORE UPDATE ON board_meetings
  FOR EACH ROW EXECUTE FUNCTION board_meetings_approval_kept();
--> statement-breakpoint
-- Updates on an action are its dated record: append-only.
CREATE FUNCTION action_updates_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'action_updates is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER action_updates_no_update_or_delete
  BEFORE UPDATE OR DELETE ON action_updates
  FOR EACH ROW EXECUTE FUNCTION action_updates_append_only();
--> statement-breakpoint
CREATE TRIGGER action_updates_no_truncate
  BEFORE TRUNCATE ON action_updates
  FOR EACH STATEMENT EXECUTE FUNCTION action_updates_append_only();
