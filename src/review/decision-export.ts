import type { FindingCode, Severity } from '../domain/record.ts';
import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import type { SqlExecutor } from '../store/sql-client.ts';
import { CASE_STATUSES, type CaseStatus } from './case-status.ts';
import type { RemovedFinding, ResolutionRow } from './review-store.ts';
import { withResolutions, type ReviewFinding } from './review-service.ts';

/**
 * What the export reads per submission: the record and every decision made on it (finding
 * decisions with who approved them, field corrections old → new, done and re-open marks, lapsed
 * decisions), from the decision tables in bulk, one query per table.
 */

/** The list page's filter (`/cases?…`), which the export and the summary accept as well. */
export interface ExportFilter {
  q?: string;
  scheme?: string;
  year?: number;
  /** A CaseStatus, or a group: `queue` (the office's to-do), `taken` (someone has it), `all`. */
  status?: string;
  /** A user id, a username or `me`. */
  assignee?: string;
  code?: string;
  severity?: Severity;
  overdue?: boolean;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];
const STATUS_GROUPS: readonly string[] = ['queue', 'taken', 'all'];
/** The office's to-do, as the case list counts it: neither done, accepted, nor waiting for the municipality. */
const QUEUE_STATUSES: readonly CaseStatus[] = ['new', 'in-progress', 'awaiting-approval', 'ready'];

/** The filter of a query string; a parameter that cannot mean anything is left out. */
export function exportFilterOf(query: unknown): ExportFilter {
  const q = (query ?? {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const raw = q[key];
    const value = (Array.isArray(raw) ? raw[0] : raw) as unknown;
    if (typeof value !== 'string') return undefined;
    const trimmed = value.trim().slice(0, 200);
    return trimmed === '' ? undefined : trimmed;
  };
  const filter: ExportFilter = {};
  const search = text('q');
  if (search) filter.q = search;
  const scheme = text('scheme');
  if (scheme) filter.scheme = scheme;
  const year = Number(text('year'));
  if (Number.isInteger(year) && year > 1900 && year < 3000) filter.year = year;
  const status = text('status');
  if (status && (STATUS_GROUPS.includes(status) || (CASE_STATUSES as readonly string[]).includes(status)))
    filter.status = status;
  const assignee = text('assignee');
  if (assignee) filter.assignee = assignee;
  const code = text('code');
  if (code && /^[A-Z_]{2,40}$/.test(code)) filter.code = code;
  const severity = text('severity');
  if (severity && SEVERITIES.includes(severity)) filter.severity = severity as Severity;
  const overdue = text('overdue');
  if (overdue === '1' || overdue === 'true' || overdue === 'ja') filter.overdue = true;
  return filter;
}

/** The filter as a query string (without `?`), in a fixed order, for links that carry it on. */
export function filterQuery(filter: ExportFilter, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  const all: Record<string, string | number | boolean | undefined> = { ...filter, ...extra };
  for (const key of ['q', 'scheme', 'year', 'status', 'assignee', 'code', 'severity', 'overdue']) {
    const value = all[key];
    if (value === undefined || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  return params.toString();
}

/**
 * The ids of checked submissions matching the filter's record-level parameters (text, scheme,
 * year, and any finding of the code or severity); status, assignee and whether the finding is still
 * open are applied after loading (`applyFilter`), as they depend on the decisions. Null when none of
 * these parameters is set (every submission).
 */
export async function filteredIds(db: SqlExecutor, filter: ExportFilter): Promise<string[] | null> {
  const { q, scheme, year, code, severity } = filter;
  if (!q && !scheme && !year && !code && !severity) return null;
  const rows = await db.query<{ id: string }>(
    `SELECT s.id FROM submissions s
     WHERE s.state = 'done'
       AND ($1::text IS NULL OR s.scheme = $1)
       AND ($2::int IS NULL OR s.year = $2)
       AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM findings f WHERE f.submission_id = s.id AND f.code = $3))
       AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM findings f WHERE f.submission_id = s.id AND f.severity = $4))
       AND ($5::text IS NULL OR lower(concat_ws(' ', s.source, s.record->'applicant'->>'name',
             s.record->'applicant'->>'orgNumber', s.record->'applicant'->>'municipalityNumber', s.scheme,
             s.year::text)) LIKE '%' || lower($5) || '%')
     ORDER BY s.source, s.id`,
    [scheme ?? null, year ?? null, code ?? null, severity ?? null, q ?? null],
  );
  return rows.map((r) => r.id);
}

/** A field correction as the export lists it. */
export interface CorrectionEntry {
  id: number;
  field: string;
  before: unknown;
  after: unknown;
  reason: string;
  by: string;
  at: Date;
  /** The four-eyes findings it made disappear; empty when none. */
  removedFindings: RemovedFinding[];
  approvedBy: string | null;
  approvedAt: Date | null;
}

/** A done or re-open mark (the `reviews` table). */
export interface ReviewMark {
  decision: 'done' | 'reopened';
  by: string;
  at: Date;
  comment: string | null;
  round: number;
}

export interface CaseDecisions {
  record: ProcessedRecord;
  /** When the submission was loaded into the store. */
  receivedAt: Date;
  done: boolean;
  /** Who holds the case now (its claim), if anyone. */
  assignee: { id: number; username: string; name: string } | null;
  /** Every decision on the submission's findings, oldest first, lapsed ones marked. */
  resolutions: Array<ResolutionRow & { lapsedAt: Date | null }>;
  corrections: CorrectionEntry[];
  marks: ReviewMark[];
  /** Document requests not closed yet. */
  openRequests: number;
}

type Ids = string[] | null;
const date = (v: string | Date): Date => (v instanceof Date ? v : new Date(v));
const maybeDate = (v: string | Date | null): Date | null => (v === null ? null : date(v));

/** The decisions of the given submissions (`null`: every checked submission), by source. */
export async function loadDecisions(db: SqlExecutor, ids: Ids): Promise<CaseDecisions[]> {
  if (ids !== null && ids.length === 0) return [];
  const cases = await db.query<{
    id: string;
    record: ProcessedRecord;
    created_at: string | Date;
    assignee_id: string | null;
    assignee_username: string | null;
    assignee_name: string | null;
  }>(
    `SELECT s.id, s.record, s.created_at, c.user_id AS assignee_id, u.username AS assignee_username,
       u.display_name AS assignee_name
     FROM submissions s LEFT JOIN claims c ON c.submission_id = s.id LEFT JOIN users u ON u.id = c.user_id
     WHERE s.state = 'done' AND s.record IS NOT NULL AND ($1::text[] IS NULL OR s.id = ANY($1))
     ORDER BY s.source, s.id`,
    [ids],
  );
  const resolutions = await db.query<{
    id: string;
    submission_id: string;
    finding_key: string;
    code: string;
    resolution: ResolutionRow['resolution'];
    reason: string;
    user_id: string;
    by: string;
    created_at: string | Date;
    needs_approval: boolean;
    approved_by: string | null;
    approved_at: string | Date | null;
    basis: ResolutionRow['basis'];
    lapsed_at: string | Date | null;
  }>(
    `SELECT r.id, r.submission_id, r.finding_key, r.code, r.resolution, r.reason, r.user_id,
       u.display_name AS by, r.created_at, r.needs_approval, a.display_name AS approved_by, r.approved_at,
       r.basis, l.lapsed_at
     FROM finding_resolutions r JOIN users u ON u.id = r.user_id LEFT JOIN users a ON a.id = r.approved_by
       LEFT JOIN resolution_lapses l ON l.resolution_id = r.id
     WHERE $1::text[] IS NULL OR r.submission_id = ANY($1)
     ORDER BY r.id`,
    [ids],
  );
  const corrections = await db.query<{
    id: string;
    submission_id: string;
    field: string;
    before: unknown;
    after: unknown;
    reason: string;
    by: string;
    created_at: string | Date;
    removed_findings: RemovedFinding[] | null;
    approved_by: string | null;
    approved_at: string | Date | null;
  }>(
    `SELECT c.id, c.submission_id, c.field, c.before, c.after, c.reason, u.display_name AS by, c.created_at,
       c.removed_findings, a.display_name AS approved_by, c.approved_at
     FROM field_corrections c JOIN users u ON u.id = c.user_id LEFT JOIN users a ON a.id = c.approved_by
     WHERE $1::text[] IS NULL OR c.submission_id = ANY($1)
     ORDER BY c.id`,
    [ids],
  );
  // `reviews` names the reviewer by username; the export shows the name people know them by.
  const marks = await db.query<{
    submission_id: string;
    decision: string;
    by: string;
    comment: string | null;
    created_at: string | Date;
    round: number;
  }>(
    `SELECT r.submission_id, r.decision, coalesce(u.display_name, r.reviewer) AS by, r.comment, r.created_at,
       r.round
     FROM reviews r LEFT JOIN users u ON u.username = r.reviewer
     WHERE r.decision IN ('done', 'reopened') AND ($1::text[] IS NULL OR r.submission_id = ANY($1))
     ORDER BY r.id`,
    [ids],
  );
  const openRequests = await loadOpenRequests(db, ids);

  const group = <T extends { submission_id: string }>(rows: T[]) => {
    const by = new Map<string, T[]>();
    for (const row of rows) by.set(row.submission_id, [...(by.get(row.submission_id) ?? []), row]);
    return by;
  };
  const resolutionsOf = group(resolutions);
  const correctionsOf = group(corrections);
  const marksOf = group(marks);
  return cases.map((c) => {
    const caseMarks: ReviewMark[] = (marksOf.get(c.id) ?? []).map((m) => ({
      decision: m.decision as ReviewMark['decision'],
      by: m.by,
      at: date(m.created_at),
      comment: m.comment,
      round: Number(m.round),
    }));
    return {
      record: c.record,
      receivedAt: date(c.created_at),
      done: caseMarks.at(-1)?.decision === 'done',
      assignee:
        c.assignee_id === null
          ? null
          : { id: Number(c.assignee_id), username: c.assignee_username!, name: c.assignee_name! },
      resolutions: (resolutionsOf.get(c.id) ?? []).map((r) => ({
        id: Number(r.id),
        findingKey: r.finding_key,
        code: r.code,
        resolution: r.resolution,
        reason: r.reason,
        by: r.by,
        byId: Number(r.user_id),
        at: date(r.created_at),
        needsApproval: r.needs_approval,
        approvedBy: r.approved_by,
        approvedAt: maybeDate(r.approved_at),
        basis: r.basis,
        lapsed: r.lapsed_at !== null,
        lapsedAt: maybeDate(r.lapsed_at),
      })),
      corrections: (correctionsOf.get(c.id) ?? []).map((r) => ({
        id: Number(r.id),
        field: r.field,
        before: r.before,
        after: r.after,
        reason: r.reason,
        by: r.by,
        at: date(r.created_at),
        removedFindings: r.removed_findings ?? [],
        approvedBy: r.approved_by,
        approvedAt: maybeDate(r.approved_at),
      })),
      marks: caseMarks,
      openRequests: openRequests.get(c.id) ?? 0,
    };
  });
}

/**
 * Open document requests per submission. Closing a request came with the case work of issue 12
 * (document_request_closures); a store without that table counts every request as open.
 */
async function loadOpenRequests(db: SqlExecutor, ids: Ids): Promise<Map<string, number>> {
  const [{ closures } = { closures: false }] = await db.query<{ closures: boolean }>(
    `SELECT to_regclass('document_request_closures') IS NOT NULL AS closures`,
  );
  const rows = await db.query<{ submission_id: string; n: string }>(
    `SELECT d.submission_id, count(*) AS n FROM document_requests d
     WHERE ($1::text[] IS NULL OR d.submission_id = ANY($1))
       ${closures ? 'AND NOT EXISTS (SELECT 1 FROM document_request_closures x WHERE x.request_id = d.id)' : ''}
     GROUP BY d.submission_id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.submission_id, Number(r.n)]));
}

/** A case with its findings as decided now and the state it is in. */
export interface DecidedCase extends CaseDecisions {
  findings: ReviewFinding[];
  status: CaseStatus;
  /** Decisions and corrections waiting for a second person. */
  pendingApprovals: number;
}

/**
 * The findings with the decisions that apply, and the case's state. The four-eyes rule is taken
 * from each decision as it was stored (`needsApproval`, set from the scheme when it was made).
 */
export function decide(c: CaseDecisions): DecidedCase {
  const findings = withResolutions(c.record, c.resolutions, new Set<FindingCode>());
  const pendingApprovals =
    findings.filter((f) => f.resolution?.needsApproval && f.resolution.approvedAt === null).length +
    c.corrections.filter((x) => x.removedFindings.length > 0 && x.approvedBy === null).length;
  return { ...c, findings, pendingApprovals, status: caseStatusOf(c, findings, pendingApprovals) };
}

/**
 * ny → under behandling → venter på godkjenning / på kommunen → klar til ferdigstilling → ferdig,
 * by the same rules as the case list (src/review/case-state.ts): done wins; an open document request
 * means waiting for the municipality; decided findings waiting only for a second person mean
 * approval; nothing open means ready (or accepted, when the checks found nothing and nobody worked
 * on it); otherwise new until someone takes it or works on it.
 */
export function caseStatusOf(
  c: CaseDecisions,
  findings: ReviewFinding[],
  pendingApprovals: number,
): CaseStatus {
  if (c.done) return 'done';
  const open = findings.filter((f) => f.open);
  const undecided = open.filter((f) => !(f.resolution?.needsApproval && f.resolution.approvedAt === null));
  const worked =
    c.assignee !== null || c.resolutions.length > 0 || c.corrections.length > 0 || c.marks.length > 0;
  let status: CaseStatus;
  if (undecided.length === 0 && pendingApprovals > 0) status = 'awaiting-approval';
  else if (undecided.length === 0) status = c.record.status === 'accepted' && !worked ? 'accepted' : 'ready';
  else status = worked ? 'in-progress' : 'new';
  return c.openRequests > 0 ? 'awaiting-municipality' : status;
}

/**
 * The cases the filter's decision-level parameters keep: status (and its groups, as the case list
 * has them), an open finding of the code or severity, and assignee (`me` is `userId`). `overdue` needs the processing deadline
 * of the case list and is not applied here.
 */
export function applyFilter(cases: DecidedCase[], filter: ExportFilter, userId: number): DecidedCase[] {
  return cases.filter((c) => {
    if (filter.status && filter.status !== 'all') {
      if (filter.status === 'queue') {
        if (!QUEUE_STATUSES.includes(c.status)) return false;
      } else if (filter.status === 'taken') {
        if (c.assignee === null) return false;
      } else if (c.status !== filter.status) return false;
    }
    // Like the list: a finding code or severity selects the cases where such a finding is open.
    const open = c.findings.filter((f) => f.open);
    if (filter.code && !open.some((f) => f.code === filter.code)) return false;
    if (filter.severity && !open.some((f) => f.severity === filter.severity)) return false;
    if (filter.assignee) {
      const a = filter.assignee;
      if (!c.assignee) return false;
      const wanted = a === 'me' ? String(userId) : a;
      if (String(c.assignee.id) !== wanted && c.assignee.username !== wanted) return false;
    }
    return true;
  });
}

/**
 * The filtered cases with their decisions: what `/export.xlsx` and `/export.csv` write. `ids` is the
 * case list's own answer to the filter when the caller has it; without it the filter is applied here.
 */
export async function exportCases(
  db: SqlExecutor,
  filter: ExportFilter,
  userId: number,
  ids?: Ids,
): Promise<DecidedCase[]> {
  if (ids !== undefined) return (await loadDecisions(db, ids)).map(decide);
  return applyFilter((await loadDecisions(db, await filteredIds(db, filter))).map(decide), filter, userId);
}
