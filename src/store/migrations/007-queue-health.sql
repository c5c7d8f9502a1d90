-- Queues that heal and batches that end (issue 14, items 3 and 7):
--  * an enqueue run beats on its batch while it registers submissions; a batch that is not fully
--    on the queues and whose heartbeat stopped was abandoned (the enqueue was killed), so
--    `intake status --wait` names it instead of waiting for ever. Batches from before this
--    migration count as beating now, and are abandoned once they miss their beats like any other.
--  * the deployment's id, made at its first use (not here: an embedded database copied from a
--    migrated template would share it) and also written under the queue prefix in Redis: a worker
--    whose store and queues name different ids refuses to start.

ALTER TABLE batches ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE deployment (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- one row only
  singleton boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton)
);
