-- Bulk runs: the extracted fields whole (so `intake revalidate` can run the rules again without
-- reading or extracting), which extractor version made them (a re-run skips what is unchanged),
-- and `intake ingest` runs with the submissions each has recorded.

ALTER TABLE submissions ADD COLUMN extracted jsonb;
ALTER TABLE submissions ADD COLUMN extractor_version text;

CREATE TABLE runs (
  id text PRIMARY KEY,
  paths jsonb NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  report jsonb
);

CREATE TABLE run_submissions (
  run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  -- true when the submission was done already (same bytes, same extractor) and was not read again
  skipped boolean NOT NULL,
  PRIMARY KEY (run_id, submission_id)
);
