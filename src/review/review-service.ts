import type { ReadDocument } from '../domain/document.ts';
import type { Finding, FindingCode, Severity } from '../domain/record.ts';
import type { PipelineContext, ProcessedRecord } from '../pipeline/process-submission.ts';
import { replaceFields, replaceFindings, updateRecord, type Store } from '../store/store.ts';
import type { SqlExecutor } from '../store/sql-client.ts';
import type { SubmissionFields } from '../extract/extract-submission.ts';
import { findingKeys, isCorrectableField, parseCorrection, recordValue, revalidate } from './corrections.ts';
import { ReviewError } from './review-error.ts';
import type { AuditRow, Resolution, ResolutionRow, ReviewStore, User } from './review-store.ts';

/** A finding as the reviewer sees it: with its stable key and what was decided about it. */
export interface ReviewFinding extends Finding {
  key: string;
  resolution: ResolutionRow | null;
  /** Needs a decision still: an error or warning without one, or a waiver awaiting its approval. */
  open: boolean;
}

export interface QueueFilter {
  scheme?: string;
  year?: number;
  municipality?: string;
  code?: string;
  severity?: Severity;
}

export interface QueueItem {
  id: string;
  source: string;
  scheme: string | null;
  year: number | null;
  applicant: string | null;
  municipalityNumber: string | null;
  requestedAmount: number | null;
  openFindings: Array<{ code: FindingCode; severity: Severity }>;
  deadline: string | null;
  receivedAt: Date;
  claimedBy: string | null;
}

export interface SubmissionView {
  record: ProcessedRecord;
  findings: ReviewFinding[];
  done: boolean;
  claimedBy: { userId: number; name: string } | null;
  history: AuditRow[];
}

export interface SummaryRow {
  scheme: string | null;
  year: number | null;
  submissions: number;
  requestedAmount: number;
  grantedAmount: number;
  spentAmount: number;
  openFindings: number;
  done: number;
}

/** Codes whose waiver a second reviewer must approve before it counts. */
const WAIVER_NEEDS_APPROVAL: ReadonlySet<FindingCode> = new Set(['OVER_CAP']);

/**
 * What a reviewer can do with a submission: read the queue, correct fields (re-validated at once),
 * resolve findings, ask for a document, mark done. Every change is written with its audit row in
 * one transaction.
 */
export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly reviews: ReviewStore,
    private readonly ctx: PipelineContext,
  ) {}

  async queue(filter: QueueFilter = {}): Promise<QueueItem[]> {
    const rows = await this.reviews.reviewCandidates();
    const items: QueueItem[] = [];
    for (const row of rows) {
      const findings = withResolutions(row.record.findings, await this.reviews.resolutions(row.record.id));
      const open = findings.filter((f) => f.open);
      if (open.length === 0) continue;
      const r = row.record;
      if (filter.scheme && r.scheme !== filter.scheme) continue;
      if (filter.year && r.year !== filter.year) continue;
      if (filter.municipality) {
        const wanted = filter.municipality.toLowerCase();
        const name = (r.applicant.name ?? '').toLowerCase();
        if (r.applicant.municipalityNumber !== filter.municipality && !name.includes(wanted)) continue;
      }
      if (filter.code && !open.some((f) => f.code === filter.code)) continue;
      if (filter.severity && !open.some((f) => f.severity === filter.severity)) continue;
      items.push({
        id: r.id,
        source: r.source,
        scheme: r.scheme,
        year: r.year,
        applicant: r.applicant.name,
        municipalityNumber: r.applicant.municipalityNumber,
        requestedAmount: r.requestedAmount,
        openFindings: open.map((f) => ({ code: f.code, severity: f.severity })),
        deadline: this.deadline(r),
        receivedAt: row.createdAt,
        claimedBy: row.claimedBy,
      });
    }
    // Nearest deadline first (none last), then the oldest.
    return items.sort(
      (a, b) =>
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
        a.receivedAt.getTime() - b.receivedAt.getTime() ||
        a.source.localeCompare(b.source),
    );
  }

  /** The scheme's application or report deadline for the submission's year, if known. */
  deadline(record: ProcessedRecord): string | null {
    const scheme = this.ctx.schemes.find((s) => s.id === record.scheme);
    const year = scheme?.years.find((y) => y.year === record.year);
    if (!scheme || !year || record.year === null) return null;
    if (record.kind === 'report') {
      const following = scheme.reportDeadlineFollowingYear;
      return year.reportDeadline ?? (following ? `${record.year + 1}-${following.monthDay}` : null);
    }
    return year.applicationDeadline ?? null;
  }

  async submission(id: string): Promise<SubmissionView> {
    const row = await this.reviews.submission(id);
    if (!row) throw new ReviewError('Fant ikke innsendingen.', 'NOT_FOUND');
    return {
      record: row.record,
      findings: withResolutions(row.record.findings, await this.reviews.resolutions(id)),
      done: row.done,
      claimedBy: await this.reviews.claimant(id),
      history: await this.reviews.history(id),
    };
  }

  async claim(user: User, id: string): Promise<void> {
    await this.submission(id);
    await this.reviews.transaction(async (tx) => {
      const holder = await this.reviews.claim(tx, id, user.id);
      if (holder !== user.id)
        throw new ReviewError('En annen saksbehandler har tatt innsendingen.', 'CONFLICT');
      await this.reviews.audit(tx, user.username, 'claimed', id, {});
    });
  }

  async release(user: User, id: string): Promise<void> {
    const holder = await this.reviews.claimant(id);
    if (!holder) return;
    if (holder.userId !== user.id && user.role !== 'admin') {
      throw new ReviewError(
        'Bare den som har tatt innsendingen, eller en administrator, kan frigi den.',
        'FORBIDDEN',
      );
    }
    await this.reviews.transaction(async (tx) => {
      await this.reviews.release(tx, id);
      await this.reviews.audit(tx, user.username, 'released', id, { claimedBy: holder.name });
    });
  }

  /** Corrects a field and checks the submission again with it; returns the new record. */
  async correctField(
    user: User,
    id: string,
    field: string,
    raw: string,
    reason: string,
  ): Promise<ProcessedRecord> {
    if (!isCorrectableField(field))
      throw new ReviewError(`Feltet «${field}» kan ikke rettes.`, 'INVALID_INPUT');
    const value = parseCorrection(field, raw);
    if (value === null)
      throw new ReviewError(`«${raw}» kan ikke leses som en verdi for feltet.`, 'INVALID_INPUT');
    if (field === 'scheme' && !this.ctx.schemes.some((s) => s.id === value)) {
      throw new ReviewError(`Ukjent tilskuddsordning «${raw}».`, 'INVALID_INPUT');
    }
    const why = requireReason(reason);
    await this.submission(id);
    // Read before the transaction (the embedded database has one connection, which the transaction holds).
    const { reads, duplicateOf } = await this.checkInputs(id);
    // The record and its corrections are read under a row lock, so a correction made at the same time
    // is never lost: the second waits for the first and re-validates on top of it.
    return this.reviews.transaction(async (tx) => {
      const before = await this.reviews.lockedRecord(tx, id);
      if (!before) throw new ReviewError('Fant ikke innsendingen.', 'NOT_FOUND');
      const corrections = await this.reviews.corrections(id, tx);
      corrections.set(field, value);
      const { record, fields } = revalidate(before.source, reads, duplicateOf, corrections, this.ctx);
      await this.reviews.addCorrection(tx, {
        submissionId: id,
        field,
        before: recordValue(before, field),
        after: value,
        reason: why,
        userId: user.id,
      });
      await saveRevalidated(tx, record, fields);
      await this.reviews.audit(tx, user.username, 'field-corrected', id, {
        field,
        before: recordValue(before, field),
        after: value,
        reason: why,
        status: { before: before.status, after: record.status },
        findings: { before: before.findings.map((f) => f.code), after: record.findings.map((f) => f.code) },
      });
      return record;
    });
  }

  /** What re-validation reads besides the corrections: the documents' read results and duplicates. */
  private async checkInputs(
    id: string,
  ): Promise<{ reads: ReadDocument[]; duplicateOf: Map<number, string> }> {
    const docs = await this.store.documents(id);
    const reads = docs.map((d) => d.read);
    if (reads.some((r) => r === null)) {
      throw new ReviewError(
        'Dokumentene er ikke lest ferdig; innsendingen kan ikke kontrolleres på nytt ennå.',
        'CONFLICT',
      );
    }
    return { reads: reads as ReadDocument[], duplicateOf: await this.store.duplicatesOf(id) };
  }

  async resolveFinding(
    user: User,
    id: string,
    key: string,
    resolution: string,
    reason: string,
  ): Promise<void> {
    if (!isResolution(resolution))
      throw new ReviewError('Velg godtatt, frafalt eller avvist.', 'INVALID_INPUT');
    const why = requireReason(reason);
    const view = await this.submission(id);
    const finding = view.findings.find((f) => f.key === key);
    if (!finding)
      throw new ReviewError('Fant ikke funnet; innsendingen kan ha blitt kontrollert på nytt.', 'NOT_FOUND');
    const needsApproval = resolution === 'waived' && WAIVER_NEEDS_APPROVAL.has(finding.code);
    await this.reviews.transaction(async (tx) => {
      await this.reviews.addResolution(tx, {
        submissionId: id,
        findingKey: key,
        code: finding.code,
        resolution,
        reason: why,
        userId: user.id,
        needsApproval,
      });
      await this.reviews.audit(tx, user.username, 'finding-resolved', id, {
        finding: key,
        code: finding.code,
        before: finding.resolution?.resolution ?? null,
        after: resolution,
        reason: why,
        needsApproval,
      });
    });
  }

  /** A second reviewer approves a waiver that needs it. */
  async approveWaiver(user: User, id: string, resolutionId: number): Promise<void> {
    const view = await this.submission(id);
    const pending = view.findings.find((f) => f.resolution?.id === resolutionId);
    if (!pending?.resolution?.needsApproval)
      throw new ReviewError('Fant ingen frafall som venter på godkjenning.', 'NOT_FOUND');
    if (pending.resolution.byId === user.id) {
      throw new ReviewError(
        'Frafallet må godkjennes av en annen saksbehandler enn den som frafalt det.',
        'FORBIDDEN',
      );
    }
    await this.reviews.transaction(async (tx) => {
      if (!(await this.reviews.approve(tx, id, resolutionId, user.id))) {
        throw new ReviewError('Frafallet er allerede godkjent.', 'CONFLICT');
      }
      await this.reviews.audit(tx, user.username, 'waiver-approved', id, {
        finding: pending.key,
        code: pending.code,
        waivedBy: pending.resolution!.by,
        reason: pending.resolution!.reason,
      });
    });
  }

  async requestDocument(user: User, id: string, document: string, message: string): Promise<void> {
    await this.submission(id);
    const doc = document.trim();
    if (doc.length === 0) throw new ReviewError('Skriv hvilket dokument som mangler.', 'INVALID_INPUT');
    const text = requireReason(message);
    await this.reviews.transaction(async (tx) => {
      await this.reviews.addDocumentRequest(tx, {
        submissionId: id,
        document: doc,
        message: text,
        userId: user.id,
      });
      await this.reviews.audit(tx, user.username, 'document-requested', id, { document: doc, reason: text });
    });
  }

  async markDone(user: User, id: string, comment: string): Promise<void> {
    const view = await this.submission(id);
    if (view.done) throw new ReviewError('Innsendingen er allerede ferdig behandlet.', 'CONFLICT');
    const open = view.findings.filter((f) => f.open);
    if (open.length > 0) {
      throw new ReviewError(
        `${open.length} funn er ikke avgjort ennå (${open.map((f) => f.code).join(', ')}).`,
        'CONFLICT',
      );
    }
    await this.reviews.transaction(async (tx) => {
      await this.reviews.markDone(tx, id, user.username, comment.trim() || null);
      await this.reviews.audit(tx, user.username, 'marked-done', id, { reason: comment.trim() || null });
    });
  }

  /** Per scheme and year: submissions, amounts and open findings (as the allocation table in seed 004). */
  async summary(): Promise<SummaryRow[]> {
    const rows = new Map<string, SummaryRow>();
    for (const { record: r, done } of await this.reviews.allRecords()) {
      const key = `${r.scheme ?? ''}|${r.year ?? ''}`;
      const row = rows.get(key) ?? {
        scheme: r.scheme,
        year: r.year,
        submissions: 0,
        requestedAmount: 0,
        grantedAmount: 0,
        spentAmount: 0,
        openFindings: 0,
        done: 0,
      };
      row.submissions++;
      row.requestedAmount += r.requestedAmount ?? 0;
      row.grantedAmount += r.grantedAmount ?? 0;
      row.spentAmount += r.spentAmount ?? 0;
      if (done) row.done++;
      else {
        const resolved = withResolutions(r.findings, await this.reviews.resolutions(r.id));
        row.openFindings += resolved.filter((f) => f.open).length;
      }
      rows.set(key, row);
    }
    return [...rows.values()].sort(
      (a, b) => (a.scheme ?? '~').localeCompare(b.scheme ?? '~') || (a.year ?? 0) - (b.year ?? 0),
    );
  }

  records(): Promise<Array<{ record: ProcessedRecord; done: boolean }>> {
    return this.reviews.allRecords();
  }
}

/** The findings with their keys and latest resolutions. */
export function withResolutions(
  findings: readonly Finding[],
  resolutions: readonly ResolutionRow[],
): ReviewFinding[] {
  const latest = new Map(resolutions.map((r) => [r.findingKey, r]));
  const keys = findingKeys(findings);
  return findings.map((f, i) => {
    const resolution = latest.get(keys[i]!) ?? null;
    const needsDecision = f.severity === 'error' || f.severity === 'warning';
    const decided = resolution !== null && (!resolution.needsApproval || resolution.approvedAt !== null);
    return { ...f, key: keys[i]!, resolution, open: needsDecision && !decided };
  });
}

const RESOLUTIONS: readonly Resolution[] = ['accepted', 'waived', 'rejected'];
const isResolution = (value: string): value is Resolution =>
  (RESOLUTIONS as readonly string[]).includes(value);

function requireReason(reason: string): string {
  const text = reason.trim();
  if (text.length === 0) throw new ReviewError('Skriv en begrunnelse.', 'INVALID_INPUT');
  if (text.length > 2000) throw new ReviewError('Begrunnelsen kan være høyst 2000 tegn.', 'INVALID_INPUT');
  return text;
}

/** Writes a re-validated record, its fields and findings over the stored ones. */
async function saveRevalidated(
  tx: SqlExecutor,
  record: ProcessedRecord,
  fields: SubmissionFields,
): Promise<void> {
  await updateRecord(tx, record);
  await replaceFields(tx, record.id, fields);
  await replaceFindings(tx, record);
}
