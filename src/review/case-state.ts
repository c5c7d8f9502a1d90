import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import type { CaseStatus } from './case-status.ts';
import type { PendingCorrection, ResolutionRow } from './review-store.ts';
import { withResolutions } from './open-findings.ts';

/** Days a case may take from loading to done when its scheme file names no `processingDays`. */
export const DEFAULT_PROCESSING_DAYS = 30;

/** What a case's state is derived from: the record and everything reviewers did with it. */
export interface CaseInput {
  record: ProcessedRecord;
  receivedAt: Date;
  /** The submission's updated_at, to the microsecond (a Date would round it). */
  updatedAt: string;
  resolutions: readonly ResolutionRow[];
  pendingCorrections: readonly PendingCorrection[];
  assigneeId: number | null;
  /** When the current round was marked done; null when it is not done. */
  doneAt: Date | null;
  /** Any reviewer work ever: a claim, correction, decision, request, note or earlier round. */
  worked: boolean;
  /** Document requests not closed yet, with their reply deadlines (yyyy-mm-dd). */
  openRequests: ReadonlyArray<{ replyBy: string | null }>;
  comments: readonly string[];
  /** The submission of whose files this one holds a copy (the original), if any. */
  duplicateOf: string | null;
  schemeName: string | null;
}

/** A case_index row (migration 006). */
export interface CaseRow {
  submissionId: string;
  status: CaseStatus;
  /** The status once the municipality's reply deadline has passed (status when nothing is asked). */
  baseStatus: CaseStatus;
  assigneeId: number | null;
  openCount: number;
  openCodes: string[];
  openSeverities: string[];
  pendingApprovals: number;
  approvalMakers: number[];
  scheme: string | null;
  year: number | null;
  kind: string | null;
  applicant: string | null;
  municipalityNumber: string | null;
  orgNumber: string | null;
  requestedAmount: number | null;
  source: string;
  search: string;
  sentDate: string | null;
  receivedAt: Date;
  dueDate: string;
  replyBy: string | null;
  doneAt: Date | null;
  duplicateOf: string | null;
  sourceUpdatedAt: string;
}

/**
 * Where the case stands. Done wins; an open document request means the office waits for the
 * municipality; decided findings waiting only for a second person mean approval; nothing open
 * means ready to finish (or accepted, when the checks found nothing and nobody touched it);
 * otherwise new until someone takes it or works on it.
 */
export function deriveCase(input: CaseInput, fourEyes: ReadonlySet<string>, processingDays: number): CaseRow {
  const { record } = input;
  const findings = withResolutions(record, input.resolutions, fourEyes);
  const open = findings.filter((f) => f.open);
  const awaiting = open.filter((f) => f.resolution?.needsApproval && f.resolution.approvedAt === null);
  const undecided = open.length - awaiting.length;
  const pendingApprovals = awaiting.length + input.pendingCorrections.length;
  const makers = [
    ...new Set([...awaiting.map((f) => f.resolution!.byId), ...input.pendingCorrections.map((c) => c.byId)]),
  ];
  let baseStatus: CaseStatus;
  if (input.doneAt) baseStatus = 'done';
  else if (undecided === 0 && pendingApprovals > 0) baseStatus = 'awaiting-approval';
  else if (undecided === 0) baseStatus = record.status === 'accepted' && !input.worked ? 'accepted' : 'ready';
  else baseStatus = input.assigneeId !== null || input.worked ? 'in-progress' : 'new';
  const status =
    baseStatus !== 'done' && input.openRequests.length > 0 ? 'awaiting-municipality' : baseStatus;

  const replyDates = input.openRequests.map((r) => r.replyBy);
  return {
    submissionId: record.id,
    status,
    baseStatus,
    assigneeId: input.assigneeId,
    openCount: open.length,
    openCodes: [...new Set(open.map((f) => f.code))],
    openSeverities: [...new Set(open.map((f) => f.severity))],
    pendingApprovals,
    approvalMakers: makers,
    scheme: record.scheme,
    year: record.year,
    kind: record.kind,
    applicant: record.applicant.name,
    municipalityNumber: record.applicant.municipalityNumber,
    orgNumber: record.applicant.orgNumber,
    requestedAmount: record.requestedAmount,
    source: record.source,
    search: searchText([
      record.source,
      record.applicant.name,
      record.applicant.municipalityNumber,
      record.applicant.orgNumber,
      record.scheme,
      input.schemeName,
      record.year === null ? null : String(record.year),
      record.priority,
      ...record.partners.flatMap((p) => [p.name, p.orgNumber]),
      ...record.documents.map((d) => d.path),
      ...record.findings.map((f) => f.message),
      ...input.comments,
    ]),
    sentDate: validDay(record.submittedDate),
    receivedAt: input.receivedAt,
    dueDate: addDays(input.receivedAt, processingDays),
    // Waiting ends at the last deadline; a request without one waits until it is closed.
    replyBy: replyDates.length === 0 || replyDates.includes(null) ? null : replyDates.sort().at(-1)!,
    doneAt: input.doneAt,
    duplicateOf: input.duplicateOf,
    sourceUpdatedAt: input.updatedAt,
  };
}

/**
 * Text folded for searching: lower case, accents off (Å → a, é → e), æ → ae, ø → o, so
 * "alesund" finds Ålesund and "tonsberg" Tønsberg. The query is folded the same way.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function searchText(parts: ReadonlyArray<string | null | undefined>): string {
  const seen = new Set<string>();
  for (const p of parts) if (p) seen.add(foldForSearch(p));
  // Bounded: the index holds what a case officer searches by, not whole documents.
  return [...seen].join(' | ').slice(0, 20_000);
}

/** The calendar day `days` after `from` in Norway (yyyy-mm-dd). */
export function addDays(from: Date, days: number): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(from);
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A yyyy-mm-dd that is a real day, else null (the index's date column would refuse it). */
export function validDay(text: string | null): string | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : null;
}
