/**
 * Where a case stands in the office's work, derived from its findings and the decisions on it:
 * ny → under behandling → venter på godkjenning / venter på kommunen → klar til ferdigstilling →
 * ferdig. A submission the checks found nothing to ask about is `accepted` and never queued.
 */
export const CASE_STATUSES = [
  'new',
  'in-progress',
  'awaiting-approval',
  'awaiting-municipality',
  'ready',
  'done',
  'accepted',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
