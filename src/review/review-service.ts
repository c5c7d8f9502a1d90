import type { ReadDocument } from '../domain/document.ts';
import type { Finding, FindingCode, Severity } from '../domain/record.ts';
import type { PipelineContext, ProcessedRecord } from '../pipeline/process-submission.ts';
import { replaceFields, replaceFindings, updateRecord, type Store } from '../store/store.ts';
import type { SqlExecutor } from '../store/sql-client.ts';
import type { SubmissionFields } from '../extract/extract-submission.ts';
import { findingKeys, isCorrectableField, parseCorrection, recordValue, revalidate } from './corrections.ts';
import { basisOf, lapseChangedDecisions, sameBasis } from './decision-lapses.ts';
import { ReviewError } from './review-error.ts';
import type {
  AuditRow,
  PendingCorrection,
  RemovedFinding,
  Resolution,
  ResolutionRow,
  ReviewStore,
  User,
} from './review-store.ts';

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
  /** Corrections waiting for a second person's approval. */
  pendingCorrections: number;
  deadline: string | null;
  receivedAt: Date;
  claimedBy: string | null;
}

export interface SubmissionView {
  record: ProcessedRecord;
  findings: ReviewFinding[];
  /** Corrections that made a four-eyes finding disappear and wait for a second person. */
  pendingCorrections: PendingCorrection[];
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

/** Four-eyes codes for a record without a known scheme (the schemes list theirs in `fourEyes`). */
const DEFAULT_FOUR_EYES: readonly FindingCode[] = ['OVER_CAP', 'INELIGIBLE_APPLICANT'];

const DONE_MESSAGE =
  'Innsendingen er ferdig behandlet og kan ikke endres. Gjenåpne den med en begrunnelse først.';

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
      const findings = this.withResolutions(row.record, await this.reviews.resolutions(row.record.id));
      const open = findings.filter((f) => f.open);
      const pending = (await this.reviews.pendingCorrections(row.record.id)).length;
      if (open.length === 0 && pending === 0) continue;
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
        pendingCorrections: pending,
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
      findings: this.withResolutions(row.record, await this.reviews.resolutions(id)),
      pendingCorrections: await this.reviews.pendingCorrections(id),
      done: row.done,
      claimedBy: await this.reviews.claimant(id),
      history: await this.reviews.history(id),
    };
  }

  async claim(user: User, id: string): Promise<void> {
    await this.submission(id);
    await this.reviews.transaction(async (tx) => {
      await this.lockOpenCase(tx, id);
      const holder = await this.reviews.claim(tx, id, user.id);
      if (holder !== user.id)
        throw new ReviewError('En annen saksbehandler har tatt innsendingen.', 'CONFLICT');
      await this.reviews.audit(tx, user.username, 'claimed', id, { before: null, after: user.displayName });
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
      await this.reviews.audit(tx, user.username, 'released', id, {
        claimedBy: holder.name,
        before: holder.name,
        after: null,
      });
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
      throw new ReviewError(`Feltet «${field.slice(0, 60)}» kan ikke rettes.`, 'INVALID_INPUT');
    const value = parseCorrection(field, raw);
    if (value === null)
      throw new ReviewError(`«${raw.slice(0, 60)}» kan ikke leses som en verdi for feltet.`, 'INVALID_INPUT');
    if (field === 'scheme' && !this.ctx.schemes.some((s) => s.id === value)) {
      throw new ReviewError(`Ukjent tilskuddsordning «${raw.slice(0, 60)}».`, 'INVALID_INPUT');
    }
    const why = requireReason(reason);
    await this.submission(id);
    // Read before the transaction (the embedded database has one connection, which the transaction holds).
    const { reads, duplicateOf } = await this.checkInputs(id);
    // The record and its corrections are read under a row lock, so a correction made at the same time
    // is never lost: the second waits for the first and re-validates on top of it.
    return this.reviews.transaction(async (tx) => {
      const before = await this.lockOpenCase(tx, id);
      const corrections = await this.reviews.corrections(id, tx);
      corrections.set(field, value);
      const { record, fields } = revalidate(before.source, reads, duplicateOf, corrections, this.ctx);
      const removed = this.removedFourEyes(before, record);
      const correctionId = await this.reviews.addCorrection(tx, {
        submissionId: id,
        field,
        before: recordValue(before, field),
        after: value,
        reason: why,
        userId: user.id,
        removedFindings: removed,
      });
      await saveRevalidated(tx, record, fields);
      await this.reviews.audit(tx, user.username, 'field-corrected', id, {
        field,
        before: recordValue(before, field),
        after: value,
        reason: why,
        status: { before: before.status, after: record.status },
        findings: { before: before.findings.map((f) => f.code), after: record.findings.map((f) => f.code) },
        correctionId,
        needsApproval: removed.length > 0 ? removed.map((f) => f.code) : null,
      });
      await lapseChangedDecisions(tx, user.username, before, record);
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

  /**
   * Decides a finding: accepted, waived or rejected, with a reason. A four-eyes finding stays open
   * until a second, different person approves the decision, whatever it is.
   */
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
    await this.submission(id);
    await this.reviews.transaction(async (tx) => {
      const record = await this.lockOpenCase(tx, id);
      const findings = this.withResolutions(record, await this.reviews.resolutions(id, tx));
      const finding = findings.find((f) => f.key === key);
      if (!finding)
        throw new ReviewError(
          'Fant ikke funnet; innsendingen kan ha blitt kontrollert på nytt.',
          'NOT_FOUND',
        );
      const needsApproval = finding.fourEyes;
      const resolutionId = await this.reviews.addResolution(tx, {
        submissionId: id,
        findingKey: key,
        code: finding.code,
        resolution,
        reason: why,
        userId: user.id,
        needsApproval,
        basis: basisOf(finding, record),
      });
      await this.reviews.audit(tx, user.username, 'finding-resolved', id, {
        finding: key,
        code: finding.code,
        resolutionId,
        before: finding.resolution?.resolution ?? null,
        after: resolution,
        reason: why,
        needsApproval,
        basis: basisOf(finding, record),
      });
    });
  }

  /**
   * A second person approves a four-eyes decision: not the one who made it, nor a user that person
   * created or last gave a password (the audit ties them), admins included. Only the decision that
   * applies now can be approved: not one replaced by a later decision or lapsed.
   */
  async approveWaiver(user: User, id: string, resolutionId: number): Promise<void> {
    if (!Number.isSafeInteger(resolutionId) || resolutionId < 1)
      throw new ReviewError('Ugyldig avgjørelse.', 'INVALID_INPUT');
    await this.submission(id);
    await this.reviews.transaction(async (tx) => {
      const record = await this.lockOpenCase(tx, id);
      const findings = this.withResolutions(record, await this.reviews.resolutions(id, tx));
      const pending = findings.find((f) => f.resolution?.id === resolutionId);
      const decision = pending?.resolution;
      if (!pending || !decision?.needsApproval)
        throw new ReviewError('Fant ingen avgjørelse som venter på godkjenning.', 'NOT_FOUND');
      if (decision.approvedAt !== null)
        throw new ReviewError('Avgjørelsen er allerede godkjent.', 'CONFLICT');
      await this.requireSecondPerson(tx, user, decision.byId, decision.by, 'Avgjørelsen');
      if (!(await this.reviews.approve(tx, id, resolutionId, user.id))) {
        throw new ReviewError('Avgjørelsen er allerede godkjent.', 'CONFLICT');
      }
      await this.reviews.audit(tx, user.username, 'decision-approved', id, {
        finding: pending.key,
        code: pending.code,
        resolution: resolutionId,
        decision: decision.resolution,
        decidedBy: decision.by,
        reason: decision.reason,
      });
    });
  }

  /**
   * A second person approves a correction that made a four-eyes finding disappear (the amount
   * corrected under the cap): the same rule as for decisions.
   */
  async approveCorrection(user: User, id: string, correctionId: number): Promise<void> {
    if (!Number.isSafeInteger(correctionId) || correctionId < 1)
      throw new ReviewError('Ugyldig retting.', 'INVALID_INPUT');
    await this.submission(id);
    await this.reviews.transaction(async (tx) => {
      await this.lockOpenCase(tx, id);
      const pending = (await this.reviews.pendingCorrections(id, tx)).find((c) => c.id === correctionId);
      if (!pending) throw new ReviewError('Fant ingen retting som venter på godkjenning.', 'NOT_FOUND');
      await this.requireSecondPerson(tx, user, pending.byId, pending.by, 'Rettingen');
      if (!(await this.reviews.approveCorrection(tx, id, correctionId, user.id)))
        throw new ReviewError('Rettingen er allerede godkjent.', 'CONFLICT');
      await this.reviews.audit(tx, user.username, 'correction-approved', id, {
        field: pending.field,
        correctionId,
        before: pending.before,
        after: pending.after,
        correctedBy: pending.by,
        removed: pending.removedFindings.map((f) => f.code),
        reason: pending.reason,
      });
    });
  }

  /**
   * Four eyes: refuses `user` as the second person to `makerId`'s change when they are the same
   * person, or when the maker created the user or last gave them a password (the audit ties them).
   */
  private async requireSecondPerson(
    tx: SqlExecutor,
    user: User,
    makerId: number,
    maker: string,
    what: 'Avgjørelsen' | 'Rettingen',
  ): Promise<void> {
    if (makerId === user.id) {
      throw new ReviewError(
        `${what} må godkjennes av en annen person enn den som ${what === 'Avgjørelsen' ? 'tok den' : 'gjorde den'}.`,
        'FORBIDDEN',
      );
    }
    const ties = await this.reviews.userTies(tx, user.id);
    if (ties.createdBy === makerId || ties.passwordSetBy === makerId) {
      throw new ReviewError(
        `Du kan ikke godkjenne det ${maker} har gjort: brukeren din ble opprettet eller fikk passord av ${maker}.`,
        'FORBIDDEN',
      );
    }
  }

  /** The four-eyes error findings of `before` that `after` no longer has (by key). */
  private removedFourEyes(before: ProcessedRecord, after: ProcessedRecord): RemovedFinding[] {
    const fourEyes = this.fourEyesCodes(before);
    const remaining = new Set(findingKeys(after.findings));
    const keys = findingKeys(before.findings);
    return before.findings.flatMap((f, i) =>
      f.severity === 'error' && fourEyes.has(f.code) && !remaining.has(keys[i]!)
        ? [{ key: keys[i]!, code: f.code, message: f.message }]
        : [],
    );
  }

  async requestDocument(user: User, id: string, document: string, message: string): Promise<void> {
    await this.submission(id);
    const doc = document.trim();
    if (doc.length === 0) throw new ReviewError('Skriv hvilket dokument som mangler.', 'INVALID_INPUT');
    const text = requireReason(message);
    await this.reviews.transaction(async (tx) => {
      await this.lockOpenCase(tx, id);
      await this.reviews.addDocumentRequest(tx, {
        submissionId: id,
        document: doc,
        message: text,
        userId: user.id,
      });
      await this.reviews.audit(tx, user.username, 'document-requested', id, { document: doc, reason: text });
    });
  }

  /**
   * Marks a submission done once no finding is open. The check and the mark happen in one
   * transaction under the submission's row lock, and the unique index on reviews backs it: of
   * simultaneous requests one succeeds, the others are told it is done.
   */
  async markDone(user: User, id: string, comment: string): Promise<void> {
    await this.submission(id);
    const note = comment.trim() || null;
    if (note !== null && note.length > 2000)
      throw new ReviewError('Kommentaren kan være høyst 2000 tegn.', 'INVALID_INPUT');
    await this.reviews.transaction(async (tx) => {
      const record = await this.reviews.lockedRecord(tx, id);
      if (!record) throw new ReviewError('Fant ikke innsendingen.', 'NOT_FOUND');
      const state = await this.reviews.reviewState(tx, id);
      if (state.done) throw new ReviewError('Innsendingen er allerede ferdig behandlet.', 'CONFLICT');
      const pending = await this.reviews.pendingCorrections(id, tx);
      if (pending.length > 0) {
        const codes = [...new Set(pending.flatMap((c) => c.removedFindings.map((f) => f.code)))];
        throw new ReviewError(
          `En retting som fjernet ${codes.join(', ')} venter på godkjenning fra en annen person.`,
          'CONFLICT',
        );
      }
      const open = this.withResolutions(record, await this.reviews.resolutions(id, tx)).filter((f) => f.open);
      if (open.length > 0) {
        throw new ReviewError(
          `${open.length} funn er ikke avgjort ennå (${open.map((f) => f.code).join(', ')}).`,
          'CONFLICT',
        );
      }
      if (!(await this.reviews.markDone(tx, id, user.username, note, state.round)))
        throw new ReviewError('Innsendingen er allerede ferdig behandlet.', 'CONFLICT');
      await this.reviews.audit(tx, user.username, 'marked-done', id, { reason: note, round: state.round });
    });
  }

  /** Re-opens a done submission, with a reason; corrections and decisions are allowed again. */
  async reopen(user: User, id: string, reason: string): Promise<void> {
    const why = requireReason(reason);
    await this.submission(id);
    await this.reviews.transaction(async (tx) => {
      if (!(await this.reviews.lockedRecord(tx, id)))
        throw new ReviewError('Fant ikke innsendingen.', 'NOT_FOUND');
      const state = await this.reviews.reviewState(tx, id);
      if (!state.done) throw new ReviewError('Innsendingen er ikke ferdig behandlet.', 'CONFLICT');
      await this.reviews.reopen(tx, id, user.username, why, state.round);
      await this.reviews.audit(tx, user.username, 'reopened', id, { reason: why, round: state.round + 1 });
    });
  }

  /** Locks the submission's row for the transaction and refuses when it is done; returns its record. */
  private async lockOpenCase(tx: SqlExecutor, id: string): Promise<ProcessedRecord> {
    const record = await this.reviews.lockedRecord(tx, id);
    if (!record) throw new ReviewError('Fant ikke innsendingen.', 'NOT_FOUND');
    if ((await this.reviews.reviewState(tx, id)).done) throw new ReviewError(DONE_MESSAGE, 'CONFLICT');
    return record;
  }

  /** The codes a second person must approve for this record's scheme. */
  private fourEyesCodes(record: ProcessedRecord): ReadonlySet<string> {
    const scheme = this.ctx.schemes.find((s) => s.id === record.scheme);
    return new Set(scheme?.fourEyes.codes ?? DEFAULT_FOUR_EYES);
  }

  /** The record's findings with their keys and the decisions that apply (see withResolutions). */
  withResolutions(record: ProcessedRecord, resolutions: readonly ResolutionRow[]): ReviewFinding[] {
    return withResolutions(record, resolutions, this.fourEyesCodes(record));
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
        const resolved = this.withResolutions(r, await this.reviews.resolutions(r.id));
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
