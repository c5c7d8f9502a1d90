import type { SqlClient, SqlExecutor } from './sql-client.ts';

/**
 * The liveness of enqueue batches (007-queue-health.sql). An enqueue beats on its batch while it
 * registers submissions; a batch not yet fully on the queues whose last beat is older than
 * `staleMs` was abandoned: its enqueue was killed, and no more submissions will come.
 */

/** An abandoned batch, as `status` names it. */
export interface AbandonedBatch {
  id: string;
  paths: string[];
  /** Submissions it registered before its enqueue stopped. */
  registered: number;
}

/** Notes that the enqueue of a batch is still alive. */
export async function beat(db: SqlExecutor, batchId: string): Promise<void> {
  await db.query('UPDATE batches SET heartbeat_at = now() WHERE id = $1', [batchId]);
}

/**
 * Takes over the newest abandoned batch over the same paths, so a re-run of a killed enqueue
 * completes it (its submissions are registered again, as no-ops). Older abandoned batches over
 * the same paths are closed at what they registered: this run covers them. Returns the batch's id,
 * or null when there is none to resume. The claim is one UPDATE, so two re-runs at once do not
 * both take the same batch.
 */
export async function resumeAbandonedBatch(
  db: SqlClient,
  paths: string[],
  staleMs: number,
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const json = JSON.stringify(paths);
    const [resumed] = await tx.query<{ id: string }>(
      `UPDATE batches SET heartbeat_at = now() WHERE id = (
         SELECT id FROM batches WHERE paths = $1::jsonb AND enqueued_at IS NULL
           AND heartbeat_at < now() - make_interval(secs => $2::float8 / 1000)
         ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [json, staleMs],
    );
    if (!resumed) return null;
    await tx.query(
      `UPDATE batches b SET enqueued_at = now(),
         total = (SELECT count(*) FROM batch_submissions bs WHERE bs.batch_id = b.id)
       WHERE paths = $1::jsonb AND enqueued_at IS NULL AND id <> $3
         AND heartbeat_at < now() - make_interval(secs => $2::float8 / 1000)`,
      [json, staleMs, resumed.id],
    );
    return resumed.id;
  });
}

/** The batches whose enqueue stopped before every submission was on the queues, oldest first. */
export async function abandonedBatches(db: SqlExecutor, staleMs: number): Promise<AbandonedBatch[]> {
  return db.query<AbandonedBatch>(
    `SELECT b.id, b.paths, count(bs.submission_id)::int AS registered
     FROM batches b LEFT JOIN batch_submissions bs ON bs.batch_id = b.id
     WHERE b.enqueued_at IS NULL AND b.heartbeat_at < now() - make_interval(secs => $1::float8 / 1000)
     GROUP BY b.id ORDER BY b.created_at, b.id`,
    [staleMs],
  );
}

/** A pending submission and the newest batch it was registered in (its flow's payload names it). */
export interface PendingSubmission {
  id: string;
  batchId: string;
}

/**
 * Pending submissions that no live enqueue is still putting on the queues: each should have a
 * flow in Redis, and the reconciler adds it again when Redis lost it. Those of a batch whose
 * enqueue still beats are left to that enqueue (it may not have added their flow yet). In id
 * order after `afterId`, `limit` at a time.
 */
export async function pendingOutsideLiveBatches(
  db: SqlExecutor,
  staleMs: number,
  afterId: string,
  limit: number,
): Promise<PendingSubmission[]> {
  return db.query<PendingSubmission>(
    `SELECT s.id, latest.batch_id AS "batchId"
     FROM submissions s
     CROSS JOIN LATERAL (
       SELECT bs.batch_id FROM batch_submissions bs JOIN batches b ON b.id = bs.batch_id
       WHERE bs.submission_id = s.id ORDER BY b.created_at DESC, b.id DESC LIMIT 1) latest
     WHERE s.state = 'pending' AND s.id > $2 AND NOT EXISTS (
       SELECT 1 FROM batch_submissions bs JOIN batches b ON b.id = bs.batch_id
       WHERE bs.submission_id = s.id AND b.enqueued_at IS NULL
         AND b.heartbeat_at >= now() - make_interval(secs => $1::float8 / 1000))
     ORDER BY s.id LIMIT $3`,
    [staleMs, afterId, limit],
  );
}

/** How many submissions are pending in the store, for `status`. */
export async function pendingCount(db: SqlExecutor): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM submissions WHERE state = 'pending'`,
  );
  return row?.n ?? 0;
}
