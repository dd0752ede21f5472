-- Feedback published or approved before a person approved its public wording is unapproved:
-- it goes back to draft and is not shown until someone approves what the public reads.
UPDATE "feedback" SET "status" = 'draft', "version" = "version" + 1 WHERE "status" IN ('approved', 'published') AND "approved_at" IS NULL;
