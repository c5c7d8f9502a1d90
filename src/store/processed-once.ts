import { EXTRACTOR_VERSION } from '../pipeline/extractor-version.ts';
import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import type { SqlExecutor } from './sql-client.ts';

/**
 * True when the store already holds this very record for its submission, done by this extractor
 * version: a job run twice (Redis restored from an append-only file that missed its completion, a
 * flow added again by the reconciler) then saves nothing, so the record, its validation count and
 * the audit log's `processed` row stay single. Run it under the submission's row lock, so two
 * runs at once cannot both see "not yet".
 */
export async function alreadyProcessed(db: SqlExecutor, record: ProcessedRecord): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM submissions WHERE id = $1 AND state = 'done' AND extractor_version = $2
       AND record = $3::jsonb`,
    [record.id, EXTRACTOR_VERSION, JSON.stringify(record)],
  );
  return rows.length > 0;
}
