-- Before versions were recorded a quarter could be published twice: number each plan's quarter's
-- publications in the order they were published, and mark the later ones as corrections, so the
-- unique index on plan, quarter and version (next migration) can be made.
WITH numbered AS (
  SELECT id, row_number() OVER (PARTITION BY plan_id, quarter_start ORDER BY published_at, id) AS n
  FROM publications
)
UPDATE publications
SET version = numbered.n,
    correction_reason = CASE WHEN numbered.n > 1 THEN 'Published again before corrections were recorded' END
FROM numbered
WHERE publications.id = numbered.id;
