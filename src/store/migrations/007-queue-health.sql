-- Queues that heal and batches that end (issue 14, items 3 and 7):
--  * an enqueue run beats on its batch while it registers submissions; a batch that is not fully
--    on the queues and whose heartbeat stopped was abandoned (the enqueue was killed), so
--    `intake status --wait` names it instead of waiting for ever. Batches from before this
--    migration count as beating now, and are abandoned after one missed interval like any other.
--  * the deployment's id, written once at the first migration and also under the queue prefix in
--    Redis: a worker whose store and queues name different ids refuses to start.

ALTER TABLE batches ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE deployment (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- one row only
  singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton)
);
INSERT INTO deployment (id) VALUES (gen_random_uuid()::text);
