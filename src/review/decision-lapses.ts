import type { Finding } from '../domain/record.ts';
import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import type { SqlExecutor } from '../store/sql-client.ts';
import { findingKeys, isCorrectableField, recordValue } from './corrections.ts';
import type { DecisionBasis } from './review-store.ts';

/** What a finding looks like for a decision: its message (amounts, caps, rates) and its field's value. */
export function basisOf(finding: Finding, record: ProcessedRecord): DecisionBasis {
  const value =
    finding.field !== null && isCorrectableField(finding.field) ? recordValue(record, finding.field) : null;
  return { message: finding.message, value };
}

export const sameBasis = (a: DecisionBasis, b: DecisionBasis): boolean =>
  a.message === b.message && a.value === b.value;

const WHY = 'Verdiene funnet ble avgjort på, er endret; funnet må avgjøres på nytt.';

/**
 * After a submission's record changed (a reviewer's correction, or `intake revalidate` with other
 * rules): every decision in force on a finding whose values changed lapses for good
 * (resolution_lapses), with a history line naming the values before and after. Runs in the
 * transaction that writes the new record. Returns how many decisions lapsed.
 */
export async function lapseChangedDecisions(
  tx: SqlExecutor,
  actor: string,
  before: ProcessedRecord,
  after: ProcessedRecord,
): Promise<number> {
  // The latest decision per finding key that has not lapsed: the one in force, if its basis holds.
  const latest = await tx.query<{
    id: string;
    finding_key: string;
    resolution: string;
    basis: DecisionBasis | null;
    by: string;
  }>(
    `SELECT DISTINCT ON (r.finding_key) r.id, r.finding_key, r.resolution, r.basis, u.display_name AS by
     FROM finding_resolutions r JOIN users u ON u.id = r.user_id
     WHERE r.submission_id = $1 AND NOT EXISTS (SELECT 1 FROM resolution_lapses l WHERE l.resolution_id = r.id)
     ORDER BY r.finding_key, r.id DESC`,
    [before.id],
  );
  if (latest.length === 0) return 0;
  const decided = new Map(latest.map((r) => [r.finding_key, r]));
  const beforeKeys = findingKeys(before.findings);
  const beforeByKey = new Map(before.findings.map((f, i) => [beforeKeys[i]!, f]));
  const afterKeys = findingKeys(after.findings);
  let lapsed = 0;
  for (const [i, f] of after.findings.entries()) {
    const key = afterKeys[i]!;
    const decision = decided.get(key);
    const previous = beforeByKey.get(key);
    if (!decision || !previous) continue;
    const was = decision.basis ?? basisOf(previous, before);
    // A decision that no longer matched the finding before this change was not in force; leave it.
    if (!sameBasis(was, basisOf(previous, before))) continue;
    const now = basisOf(f, after);
    if (sameBasis(was, now)) continue;
    await tx.query(
      'INSERT INTO resolution_lapses (resolution_id, submission_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [decision.id, after.id],
    );
    await tx.query(
      'INSERT INTO audit_log (actor, action, submission_id, details) VALUES ($1, $2, $3, $4::jsonb)',
      [
        actor,
        'resolution-lapsed',
        after.id,
        JSON.stringify({
          finding: key,
          code: f.code,
          resolution: decision.resolution,
          resolutionId: Number(decision.id),
          decidedBy: decision.by,
          why: WHY,
          before: was,
          after: now,
        }),
      ],
    );
    lapsed++;
  }
  return lapsed;
}
