import type { Finding } from '../domain/record.ts';
import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import { findingKeys } from './corrections.ts';
import { basisOf, sameBasis } from './decision-lapses.ts';
import type { ResolutionRow } from './review-store.ts';

/** A finding as the reviewer sees it: with its stable key and what was decided about it. */
export interface ReviewFinding extends Finding {
  key: string;
  /** The decision that applies: the latest for the finding's key, unless it lapsed. */
  resolution: ResolutionRow | null;
  /** The latest decision when it lapsed: the finding's values changed after it was made. */
  lapsedResolution: ResolutionRow | null;
  /** A second, different person must approve any decision on it (the scheme's four-eyes list). */
  fourEyes: boolean;
  /** Needs a decision still: an error or warning without one, or a decision awaiting its approval. */
  open: boolean;
}

/**
 * The findings with their keys and the decisions that apply. The latest decision for a key applies
 * while the finding still has the values it was made on (message and the field's value) and it has
 * not lapsed; a four-eyes finding (error severity, code in `fourEyes`) counts as decided only once a
 * second person approved its decision, whatever the decision and however it was stored.
 */
export function withResolutions(
  record: ProcessedRecord,
  resolutions: readonly ResolutionRow[],
  fourEyes: ReadonlySet<string>,
): ReviewFinding[] {
  const latest = new Map(resolutions.map((r) => [r.findingKey, r]));
  const keys = findingKeys(record.findings);
  return record.findings.map((f, i) => {
    const last = latest.get(keys[i]!) ?? null;
    const lapsed =
      last !== null && (last.lapsed || (last.basis !== null && !sameBasis(last.basis, basisOf(f, record))));
    const resolution = lapsed ? null : last;
    const needsFourEyes = f.severity === 'error' && fourEyes.has(f.code);
    const needsDecision = f.severity === 'error' || f.severity === 'warning';
    const approved = resolution !== null && resolution.approvedAt !== null;
    const decided = resolution !== null && (needsFourEyes || resolution.needsApproval ? approved : true);
    return {
      ...f,
      key: keys[i]!,
      resolution,
      lapsedResolution: lapsed ? last : null,
      fourEyes: needsFourEyes,
      open: needsDecision && !decided,
    };
  });
}
