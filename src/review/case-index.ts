import type { PipelineContext, ProcessedRecord } from '../pipeline/process-submission.ts';
import { EMPTY_SHA256 } from '../store/store.ts';
import type { SqlExecutor } from '../store/sql-client.ts';
import type { CaseStatus } from './case-status.ts';
import { DEFAULT_PROCESSING_DAYS, addDays, deriveCase, foldForSearch, type CaseRow } from './case-state.ts';
import type { ReviewStore } from './review-store.ts';

/** Four-eyes codes for a record without a known scheme (the schemes list theirs in `fourEyes`). */
export const DEFAULT_FOUR_EYES: readonly string[] = ['OVER_CAP', 'INELIGIBLE_APPLICANT'];

/** A list's filter, as the list page's query string carries it (see `parseCaseFilter`). */
export interface CaseFilter {
  /** Free text: municipality (accent-insensitive), org number, scheme, year, file name, messages, notes. */
  q?: string;
  scheme?: string;
  year?: number;
  /** A status, or a group: `queue` (the office's to-do), `taken` (someone has it), `all`. */
  status?: CaseStatus | 'queue' | 'taken' | 'all';
  /** Assigned to this user id. */
  assigneeId?: number;
  /** Waiting for this user's approval: decided by someone else, awaiting a second person. */
  approverId?: number;
  code?: string;
  severity?: 'error' | 'warning';
  overdue?: boolean;
  /** One case (the case page's row). */
  id?: string;
}

export interface CaseListItem extends Omit<CaseRow, 'search' | 'approvalMakers'> {
  /** The status now: a request whose reply deadline passed no longer waits for the municipality. */
  effectiveStatus: CaseStatus;
  assignee: string | null;
  overdue: boolean;
  replyOverdue: boolean;
}

export interface CaseCounts {
  queue: number;
  new: number;
  overdue: number;
  awaitingApproval: number;
  awaitingMyApproval: number;
  awaitingMunicipality: number;
  replyOverdue: number;
  mine: number;
  ready: number;
}

const QUEUE_STATUSES: readonly CaseStatus[] = ['new', 'in-progress', 'awaiting-approval', 'ready'];
const REFRESH_BATCH = 500;

/**
 * The case index (migration 006): one derived row per checked submission, so the lists, counts and
 * searches over thousands of cases are single indexed queries. Rows are rewritten by `refresh` in
 * the transaction of every reviewer action, and by `refreshStale` for submissions re-checked since
 * (workers, `intake revalidate`, a new ingest) before a list is read.
 */
export class CaseIndex {
  constructor(
    private readonly reviews: ReviewStore,
    private readonly ctx: Pick<PipelineContext, 'schemes'>,
    /** Today in Norway (yyyy-mm-dd); tests move it to see deadlines pass. */
    readonly today: () => string = () => addDays(new Date(), 0),
  ) {}

  fourEyesCodes(record: Pick<ProcessedRecord, 'scheme'>): ReadonlySet<string> {
    const scheme = this.ctx.schemes.find((s) => s.id === record.scheme);
    return new Set(scheme?.fourEyes.codes ?? DEFAULT_FOUR_EYES);
  }

  /** Rewrites the rows of these submissions from what is stored now. */
  async refresh(db: SqlExecutor, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += REFRESH_BATCH) {
      const rows = await this.derive(db, ids.slice(i, i + REFRESH_BATCH));
      if (rows.length > 0) await upsert(db, rows);
    }
  }

  /** Rewrites every row older than its submission, and adds the missing; returns how many. */
  async refreshStale(db: SqlExecutor): Promise<number> {
    let total = 0;
    const done = new Set<string>();
    for (;;) {
      const stale = await db.query<{ id: string }>(
        `SELECT s.id FROM submissions s LEFT JOIN case_index c ON c.submission_id = s.id
         WHERE s.state = 'done' AND s.record IS NOT NULL
           AND (c.submission_id IS NULL OR c.source_updated_at < s.updated_at)
         LIMIT ${REFRESH_BATCH}`,
      );
      if (stale.length === 0) return total;
      // A row that stays stale after its rewrite (its submission changes under us) waits for the next read.
      if (stale.every((r) => done.has(r.id))) return total;
      for (const r of stale) done.add(r.id);
      await this.refresh(
        db,
        stale.map((r) => r.id),
      );
      total += stale.length;
    }
  }

  /** One page of the cases the filter selects, nearest processing deadline first; and the total. */
  async list(
    db: SqlExecutor,
    filter: CaseFilter,
    page: { offset: number; limit: number },
  ): Promise<{ items: CaseListItem[]; total: number }> {
    const { where, params } = this.where(filter);
    const [count] = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM case_index c WHERE ${where}`,
      params,
    );
    const doneFirst = filter.status === 'done';
    const rows = await db.query<DbCaseRow & { assignee: string | null; effective: CaseStatus }>(
      `SELECT c.*, u.display_name AS assignee, ${EFFECTIVE} AS effective
       FROM case_index c LEFT JOIN users u ON u.id = c.assignee_id
       WHERE ${where}
       ORDER BY ${doneFirst ? 'c.done_at DESC NULLS LAST,' : ''} c.due_date, c.received_at, c.source, c.submission_id
       LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}`,
      params,
    );
    const today = this.today();
    return {
      total: Number(count?.n ?? 0),
      items: rows.map((r) => {
        const row = fromDb(r);
        const open = r.effective !== 'done' && r.effective !== 'accepted';
        return {
          ...row,
          effectiveStatus: r.effective,
          assignee: r.assignee,
          overdue: open && row.dueDate < today,
          replyOverdue: row.status === 'awaiting-municipality' && row.replyBy !== null && row.replyBy < today,
        };
      }),
    };
  }

  /** The submission ids the filter selects, in list order (for the export and bulk work). */
  async ids(db: SqlExecutor, filter: CaseFilter): Promise<string[]> {
    const { where, params } = this.where(filter);
    const rows = await db.query<{ submission_id: string }>(
      `SELECT c.submission_id FROM case_index c WHERE ${where}
       ORDER BY c.due_date, c.received_at, c.source, c.submission_id`,
      params,
    );
    return rows.map((r) => r.submission_id);
  }

  /** The today view's counts for a user. */
  async counts(db: SqlExecutor, userId: number): Promise<CaseCounts> {
    const [r] = await db.query<Record<keyof CaseCounts, string>>(
      `SELECT
         count(*) FILTER (WHERE ${EFFECTIVE} = ANY($2::text[])) AS queue,
         count(*) FILTER (WHERE ${EFFECTIVE} = 'new') AS new,
         count(*) FILTER (WHERE c.status NOT IN ('done', 'accepted') AND c.due_date < $1::date) AS overdue,
         count(*) FILTER (WHERE ${EFFECTIVE} = 'awaiting-approval') AS "awaitingApproval",
         count(*) FILTER (WHERE ${EFFECTIVE} = 'awaiting-approval' AND NOT ($3::bigint = ANY(c.approval_makers)))
           AS "awaitingMyApproval",
         count(*) FILTER (WHERE ${EFFECTIVE} = 'awaiting-municipality') AS "awaitingMunicipality",
         count(*) FILTER (WHERE c.status = 'awaiting-municipality' AND c.reply_by < $1::date) AS "replyOverdue",
         count(*) FILTER (WHERE c.assignee_id = $3 AND c.status <> 'done') AS mine,
         count(*) FILTER (WHERE ${EFFECTIVE} = 'ready') AS ready
       FROM case_index c`,
      [this.today(), QUEUE_STATUSES, userId],
    );
    return Object.fromEntries(
      Object.entries(r ?? {}).map(([k, v]) => [k, Number(v)]),
    ) as unknown as CaseCounts;
  }

  private where(filter: CaseFilter): { where: string; params: unknown[] } {
    const params: unknown[] = [this.today()];
    const clauses: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const status = filter.status ?? 'all';
    if (status === 'queue') clauses.push(`${EFFECTIVE} = ANY(${param(QUEUE_STATUSES)}::text[])`);
    else if (status === 'taken') clauses.push(`c.assignee_id IS NOT NULL AND c.status <> 'done'`);
    else if (status !== 'all') clauses.push(`${EFFECTIVE} = ${param(status)}`);
    if (filter.scheme) clauses.push(`c.scheme = ${param(filter.scheme)}`);
    if (filter.year) clauses.push(`c.year = ${param(filter.year)}`);
    if (filter.assigneeId) clauses.push(`c.assignee_id = ${param(filter.assigneeId)}`);
    if (filter.approverId) {
      clauses.push(
        `${EFFECTIVE} = 'awaiting-approval' AND NOT (${param(filter.approverId)}::bigint = ANY(c.approval_makers))`,
      );
    }
    if (filter.id) clauses.push(`c.submission_id = ${param(filter.id)}`);
    if (filter.code) clauses.push(`${param(filter.code)} = ANY(c.open_codes)`);
    if (filter.severity) clauses.push(`${param(filter.severity)} = ANY(c.open_severities)`);
    if (filter.overdue) clauses.push(`c.status NOT IN ('done', 'accepted') AND c.due_date < $1::date`);
    for (const word of foldForSearch(filter.q ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(0, 8)) {
      clauses.push(`c.search LIKE ${param(`%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
    }
    // $1 (today) is used by the effective status even when no clause names it.
    return { where: ['$1::date IS NOT NULL', ...clauses].join(' AND '), params };
  }

  /** The derived rows of these submissions (checked ones only), read in a handful of queries. */
  private async derive(db: SqlExecutor, ids: readonly string[]): Promise<CaseRow[]> {
    const subs = await db.query<{
      id: string;
      record: ProcessedRecord;
      created_at: string | Date;
      updated_at: string;
      last_decision: string | null;
      last_at: string | Date | null;
      assignee: string | null;
      worked: boolean;
    }>(
      `SELECT s.id, s.record, s.created_at,
         to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at, l.decision AS last_decision, l.created_at AS last_at,
         cl.user_id AS assignee,
         (cl.user_id IS NOT NULL OR l.id IS NOT NULL
           OR EXISTS (SELECT 1 FROM field_corrections x WHERE x.submission_id = s.id)
           OR EXISTS (SELECT 1 FROM finding_resolutions x WHERE x.submission_id = s.id)
           OR EXISTS (SELECT 1 FROM document_requests x WHERE x.submission_id = s.id)
           OR EXISTS (SELECT 1 FROM case_comments x WHERE x.submission_id = s.id)) AS worked
       FROM submissions s
       LEFT JOIN claims cl ON cl.submission_id = s.id
       LEFT JOIN LATERAL (SELECT r.id, r.decision, r.created_at FROM reviews r WHERE r.submission_id = s.id
         ORDER BY r.id DESC LIMIT 1) l ON true
       WHERE s.id = ANY($1::text[]) AND s.state = 'done' AND s.record IS NOT NULL`,
      [ids],
    );
    if (subs.length === 0) return [];
    const found = subs.map((s) => s.id);
    const resolutions = await this.reviews.resolutionsOf(found, db);
    const pending = await this.reviews.pendingCorrectionsOf(found, db);
    const requests = await db.query<{ submission_id: string; reply_by: string | Date | null }>(
      `SELECT d.submission_id, d.reply_by FROM document_requests d
       WHERE d.submission_id = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM document_request_closures x WHERE x.request_id = d.id)`,
      [found],
    );
    const comments = await db.query<{ submission_id: string; body: string }>(
      'SELECT submission_id, body FROM case_comments WHERE submission_id = ANY($1::text[]) ORDER BY id',
      [found],
    );
    const duplicates = await db.query<{ submission_id: string; original: string }>(
      `SELECT d.submission_id, min(o.submission_id) AS original FROM documents d
         JOIN document_owners o ON o.sha256 = d.sha256
       WHERE d.submission_id = ANY($1::text[]) AND o.submission_id <> d.submission_id AND d.sha256 <> $2
       GROUP BY d.submission_id`,
      [found, EMPTY_SHA256],
    );
    const by = <T extends { submission_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) map.set(r.submission_id, [...(map.get(r.submission_id) ?? []), r]);
      return map;
    };
    const requestsBy = by(requests);
    const commentsBy = by(comments);
    const duplicateBy = new Map(duplicates.map((d) => [d.submission_id, d.original]));
    return subs.map((s) => {
      const scheme = this.ctx.schemes.find((x) => x.id === s.record.scheme) ?? null;
      return deriveCase(
        {
          record: s.record,
          receivedAt: new Date(s.created_at),
          updatedAt: s.updated_at,
          resolutions: resolutions.get(s.id) ?? [],
          pendingCorrections: pending.get(s.id) ?? [],
          assigneeId: s.assignee === null ? null : Number(s.assignee),
          doneAt: s.last_decision === 'done' && s.last_at !== null ? new Date(s.last_at) : null,
          worked: s.worked,
          openRequests: (requestsBy.get(s.id) ?? []).map((r) => ({ replyBy: dateOnly(r.reply_by) })),
          comments: (commentsBy.get(s.id) ?? []).map((c) => c.body),
          duplicateOf: duplicateBy.get(s.id) ?? null,
          schemeName: scheme?.name ?? null,
        },
        this.fourEyesCodes(s.record),
        scheme?.processingDays ?? DEFAULT_PROCESSING_DAYS,
      );
    });
  }
}

/** The status as of today ($1): past its reply deadline a case no longer waits for the municipality. */
const EFFECTIVE = `(CASE WHEN c.status = 'awaiting-municipality' AND c.reply_by < $1::date
  THEN c.base_status ELSE c.status END)`;

const COLUMNS = {
  submission_id: 'text',
  status: 'text',
  base_status: 'text',
  assignee_id: 'bigint',
  open_count: 'integer',
  open_codes: 'text[]',
  open_severities: 'text[]',
  pending_approvals: 'integer',
  approval_makers: 'bigint[]',
  scheme: 'text',
  year: 'integer',
  kind: 'text',
  applicant: 'text',
  municipality_number: 'text',
  org_number: 'text',
  requested_amount: 'double precision',
  source: 'text',
  search: 'text',
  sent_date: 'date',
  received_at: 'timestamptz',
  due_date: 'date',
  reply_by: 'date',
  done_at: 'timestamptz',
  duplicate_of: 'text',
  source_updated_at: 'timestamptz',
} as const;

interface DbCaseRow {
  submission_id: string;
  status: CaseStatus;
  base_status: CaseStatus;
  assignee_id: string | null;
  open_count: number;
  open_codes: string[];
  open_severities: string[];
  pending_approvals: number;
  approval_makers: string[];
  scheme: string | null;
  year: number | null;
  kind: string | null;
  applicant: string | null;
  municipality_number: string | null;
  org_number: string | null;
  requested_amount: number | null;
  source: string;
  search: string;
  sent_date: string | Date | null;
  received_at: string | Date;
  due_date: string | Date;
  reply_by: string | Date | null;
  done_at: string | Date | null;
  duplicate_of: string | null;
  source_updated_at: string | Date;
}

/** All rows in one statement: a JSON array expanded by jsonb_to_recordset. */
async function upsert(db: SqlExecutor, rows: CaseRow[]): Promise<void> {
  const names = Object.keys(COLUMNS);
  const json = rows.map((r) => ({
    submission_id: r.submissionId,
    status: r.status,
    base_status: r.baseStatus,
    assignee_id: r.assigneeId,
    open_count: r.openCount,
    open_codes: r.openCodes,
    open_severities: r.openSeverities,
    pending_approvals: r.pendingApprovals,
    approval_makers: r.approvalMakers,
    scheme: r.scheme,
    year: r.year,
    kind: r.kind,
    applicant: r.applicant,
    municipality_number: r.municipalityNumber,
    org_number: r.orgNumber,
    requested_amount: r.requestedAmount,
    source: r.source,
    search: r.search,
    sent_date: r.sentDate,
    received_at: r.receivedAt.toISOString(),
    due_date: r.dueDate,
    reply_by: r.replyBy,
    done_at: r.doneAt?.toISOString() ?? null,
    duplicate_of: r.duplicateOf,
    source_updated_at: r.sourceUpdatedAt,
  }));
  await db.query(
    `INSERT INTO case_index (${names.join(', ')}, refreshed_at)
     SELECT ${names.join(', ')}, now()
     FROM jsonb_to_recordset($1::jsonb) AS x(${Object.entries(COLUMNS)
       .map(([n, t]) => `${n} ${t}`)
       .join(', ')})
     ON CONFLICT (submission_id) DO UPDATE SET
       ${names
         .filter((n) => n !== 'submission_id')
         .map((n) => `${n} = EXCLUDED.${n}`)
         .join(', ')}, refreshed_at = now()`,
    [JSON.stringify(json)],
  );
}

function fromDb(r: DbCaseRow): Omit<CaseRow, 'search' | 'approvalMakers'> {
  return {
    submissionId: r.submission_id,
    status: r.status,
    baseStatus: r.base_status,
    assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
    openCount: r.open_count,
    openCodes: r.open_codes,
    openSeverities: r.open_severities,
    pendingApprovals: r.pending_approvals,
    scheme: r.scheme,
    year: r.year,
    kind: r.kind,
    applicant: r.applicant,
    municipalityNumber: r.municipality_number,
    orgNumber: r.org_number,
    requestedAmount: r.requested_amount,
    source: r.source,
    sentDate: dateOnly(r.sent_date),
    receivedAt: new Date(r.received_at),
    dueDate: dateOnly(r.due_date)!,
    replyBy: dateOnly(r.reply_by),
    doneAt: r.done_at === null ? null : new Date(r.done_at),
    duplicateOf: r.duplicate_of,
    sourceUpdatedAt: String(r.source_updated_at),
  };
}

/**
 * A date column as yyyy-mm-dd. node-postgres hands `date` over as a local-midnight Date; its local
 * calendar day is the stored one.
 */
function dateOnly(value: string | Date | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
