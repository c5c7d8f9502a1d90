import type { ReadDocument } from '../domain/document.ts';
import type { FindingCode, Severity } from '../domain/record.ts';
import type { PipelineContext, ProcessedRecord } from '../pipeline/process-submission.ts';
import { replaceFields, replaceFindings, updateRecord, type Store } from '../store/store.ts';
import type { SqlExecutor } from '../store/sql-client.ts';
import type { SubmissionFields } from '../extract/extract-submission.ts';
import { findingKeys, isCorrectableField, parseCorrection, recordValue, revalidate } from './corrections.ts';
import { basisOf, lapseChangedDecisions } from './decision-lapses.ts';
import {
  CaseIndex,
  DEFAULT_FOUR_EYES,
  type CaseCounts,
  type CaseFilter,
  type CaseListItem,
} from './case-index.ts';
import { addDays, validDay } from './case-state.ts';
import { CaseWorkStore, type CommentRow, type DocumentRequestRow } from './case-work-store.ts';
import { fieldName } from '../rules/field-names.ts';
import { ReviewError } from './review-error.ts';
import { withResolutions, type ReviewFinding } from './open-findings.ts';
import type {
  AuditRow,
  PendingCorrection,
  RemovedFinding,
  Resolution,
  ResolutionRow,
  ReviewStore,
  User,
} from './review-store.ts';

export type { ReviewFinding };
export { withResolutions };

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

/** What a bulk action did: the cases changed, and those skipped with why. */
export interface BulkResult {
  changed: string[];
  skipped: Array<{ id: string; source: string; why: string }>;
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

const DONE_MESSAGE =
  'Innsendingen er ferdig behandlet og kan ikke endres. Gjenåpne den med en begrunnelse først.';

/**
 * What a reviewer can do with a submission: read the queue, correct fields (re-validated at once),
 * resolve findings, ask for a document, mark done. Every change is written with its audit row in
 * one transaction.
 */
export class ReviewService {
  /** The derived case rows the lists, counts and searches read (rewritten after every action here). */
  readonly cases: CaseIndex;

  constructor(
    private readonly store: Store,
    private readonly reviews: ReviewStore,
    private readonly ctx: PipelineContext,
    options: { today?: () => string } = {},
  ) {
    this.cases = new CaseIndex(reviews, ctx, options.today);
  }

  /** Assignments, document requests, notes and saved filters (migration 006). */
  readonly work = new CaseWorkStore();

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
    await this.change(id, async (tx) => {
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
    await this.change(id, async (tx) => {
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
    return this.change(id, async (tx) => {
      const before = await this.lockOpenCase(tx, id);
      // A correction to the value the field has already changes nothing and is not logged.
      if (JSON.stringify(recordValue(before, field)) === JSON.stringify(value)) {
        throw new ReviewError(
          `${fieldWord(field)} har allerede denne verdien; ingenting er endret.`,
          'INVALID_INPUT',
        );
      }
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
    await this.change(id, async (tx) => {
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
    await this.change(id, async (tx) => {
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
    await this.change(id, async (tx) => {
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

  /**
   * Asks the municipality for a document, with a reply deadline (yyyy-mm-dd or dd.mm.åååå; 14 days
   * when empty). The case waits for the municipality until the request is closed or the deadline
   * passes, and then returns to the queue.
   */
  async requestDocument(
    user: User,
    id: string,
    document: string,
    message: string,
    replyBy = '',
  ): Promise<void> {
    await this.submission(id);
    const doc = document.trim();
    if (doc.length === 0) throw new ReviewError('Skriv hvilket dokument som mangler.', 'INVALID_INPUT');
    if (doc.length > 200) throw new ReviewError('Dokumentnavnet kan være høyst 200 tegn.', 'INVALID_INPUT');
    const text = requireReason(message);
    const today = this.cases.today();
    const deadline = replyBy.trim() === '' ? addDays(new Date(`${today}T12:00:00Z`), 14) : parseDay(replyBy);
    if (!deadline) throw new ReviewError('Svarfristen må være en dato (dd.mm.åååå).', 'INVALID_INPUT');
    if (deadline < today) throw new ReviewError('Svarfristen kan ikke være passert.', 'INVALID_INPUT');
    await this.change(id, async (tx) => {
      await this.lockOpenCase(tx, id);
      const requestId = await this.work.addRequest(tx, {
        submissionId: id,
        document: doc,
        message: text,
        userId: user.id,
        replyBy: deadline,
      });
      await this.reviews.audit(tx, user.username, 'document-requested', id, {
        document: doc,
        reason: text,
        replyBy: deadline,
        requestId,
      });
    });
  }

  /** The document came (or is no longer needed): the case no longer waits for the municipality. */
  async closeRequest(user: User, id: string, requestId: number, note: string): Promise<void> {
    if (!Number.isSafeInteger(requestId) || requestId < 1)
      throw new ReviewError('Ugyldig forespørsel.', 'INVALID_INPUT');
    const text = note.trim() || null;
    if (text !== null && text.length > 2000)
      throw new ReviewError('Merknaden kan være høyst 2000 tegn.', 'INVALID_INPUT');
    await this.submission(id);
    await this.change(id, async (tx) => {
      await this.lockOpenCase(tx, id);
      if (!(await this.work.closeRequest(tx, id, requestId, user.id, text)))
        throw new ReviewError('Forespørselen er allerede avsluttet eller finnes ikke.', 'CONFLICT');
      await this.reviews.audit(tx, user.username, 'request-closed', id, { requestId, reason: text });
    });
  }

  /** Gives an open case to a colleague (or takes it from whoever had it), audited. */
  async assign(user: User, id: string, assigneeId: number): Promise<void> {
    const target = (await this.reviews.users()).find((u) => u.id === assigneeId && u.active);
    if (!target) throw new ReviewError('Fant ingen aktiv bruker å tildele saken til.', 'INVALID_INPUT');
    await this.submission(id);
    await this.change(id, async (tx) => {
      await this.lockOpenCase(tx, id);
      const before = await this.reviews.claimant(id);
      if (before?.userId === target.id) return;
      await this.work.assign(tx, id, target.id, user.id);
      await this.reviews.audit(tx, user.username, 'assigned', id, {
        before: before?.name ?? null,
        after: target.displayName,
      });
    });
  }

  /** A note on the case, apart from decision reasons; allowed on finished cases too. */
  async comment(user: User, id: string, body: string): Promise<void> {
    const text = body.trim();
    if (text.length === 0) throw new ReviewError('Skriv en merknad.', 'INVALID_INPUT');
    if (text.length > 4000) throw new ReviewError('Merknaden kan være høyst 4000 tegn.', 'INVALID_INPUT');
    await this.submission(id);
    await this.change(id, async (tx) => {
      const commentId = await this.work.addComment(tx, id, user.id, text);
      await this.reviews.audit(tx, user.username, 'commented', id, { commentId, reason: text });
    });
  }

  /**
   * One decision on many cases: every open finding with `code` in each selected case gets the
   * decision and reason, recorded per case as if made one by one. A case that cannot take it
   * (finished, no such open finding) is skipped with the reason why.
   */
  async bulkResolve(
    user: User,
    ids: readonly string[],
    code: string,
    resolution: string,
    reason: string,
  ): Promise<BulkResult> {
    if (ids.length === 0) throw new ReviewError('Velg minst én sak.', 'INVALID_INPUT');
    if (ids.length > 500) throw new ReviewError('Velg høyst 500 saker om gangen.', 'INVALID_INPUT');
    requireReason(reason);
    if (!isResolution(resolution))
      throw new ReviewError('Velg godtatt, frafalt eller avvist.', 'INVALID_INPUT');
    const result: BulkResult = { changed: [], skipped: [] };
    for (const id of ids) {
      try {
        const view = await this.submission(id);
        const targets = view.findings.filter((f) => f.open && f.code === code && !f.resolution);
        if (targets.length === 0) {
          result.skipped.push({ id, source: view.record.source, why: 'har ikke dette funnet åpent' });
          continue;
        }
        for (const f of targets) await this.resolveFinding(user, id, f.key, resolution, reason);
        result.changed.push(id);
      } catch (error) {
        if (!(error instanceof ReviewError)) throw error;
        result.skipped.push({ id, source: id, why: error.message });
      }
    }
    return result;
  }

  /** Gives every selected open case to one person; finished ones are skipped. */
  async bulkAssign(user: User, ids: readonly string[], assigneeId: number): Promise<BulkResult> {
    if (ids.length === 0) throw new ReviewError('Velg minst én sak.', 'INVALID_INPUT');
    if (ids.length > 500) throw new ReviewError('Velg høyst 500 saker om gangen.', 'INVALID_INPUT');
    const result: BulkResult = { changed: [], skipped: [] };
    for (const id of ids) {
      try {
        await this.assign(user, id, assigneeId);
        result.changed.push(id);
      } catch (error) {
        if (!(error instanceof ReviewError) || error.reviewCode === 'INVALID_INPUT') throw error;
        result.skipped.push({ id, source: id, why: error.message });
      }
    }
    return result;
  }

  /** One page of the cases the filter selects (the lists), after bringing stale rows up to date. */
  async listCases(
    filter: CaseFilter,
    page: { offset: number; limit: number },
  ): Promise<{ items: CaseListItem[]; total: number }> {
    await this.cases.refreshStale(this.reviews.sql);
    return this.cases.list(this.reviews.sql, filter, page);
  }

  /** One case's row of the case index (brought up to date first), or null before it is checked. */
  async caseRow(id: string): Promise<CaseListItem | null> {
    await this.cases.refreshStale(this.reviews.sql);
    return (await this.cases.list(this.reviews.sql, { id }, { offset: 0, limit: 1 })).items[0] ?? null;
  }

  /** The case page's work besides decisions: its row, document requests and notes. */
  async caseWork(
    id: string,
  ): Promise<{ row: CaseListItem | null; requests: DocumentRequestRow[]; comments: CommentRow[] }> {
    return {
      row: await this.caseRow(id),
      requests: await this.work.requests(this.reviews.sql, id),
      comments: await this.work.comments(this.reviews.sql, id),
    };
  }

  async caseIds(filter: CaseFilter): Promise<string[]> {
    await this.cases.refreshStale(this.reviews.sql);
    return this.cases.ids(this.reviews.sql, filter);
  }

  async caseCounts(user: User): Promise<CaseCounts> {
    await this.cases.refreshStale(this.reviews.sql);
    return this.cases.counts(this.reviews.sql, user.id);
  }

  /**
   * What a correction would leave open, without saving it: the form asks before a correction that
   * removes the last open finding makes the case ready to finish.
   */
  async previewCorrection(
    id: string,
    field: string,
    raw: string,
  ): Promise<{ openBefore: number; openAfter: number; needsApproval: boolean }> {
    const view = await this.submission(id);
    const openBefore = view.findings.filter((f) => f.open).length;
    const unchanged = { openBefore, openAfter: openBefore, needsApproval: false };
    if (!isCorrectableField(field)) return unchanged;
    const value = parseCorrection(field, raw);
    if (value === null) return unchanged;
    const { reads, duplicateOf } = await this.checkInputs(id);
    const corrections = await this.reviews.corrections(id);
    corrections.set(field, value);
    const { record } = revalidate(view.record.source, reads, duplicateOf, corrections, this.ctx);
    const resolutions = await this.reviews.resolutions(id);
    const openAfter = this.withResolutions(record, resolutions).filter((f) => f.open).length;
    // A removed four-eyes finding waits for a second person: the case does not close then.
    return { openBefore, openAfter, needsApproval: this.removedFourEyes(view.record, record).length > 0 };
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
    await this.change(id, async (tx) => {
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
      await this.work.closeOpenRequests(tx, id, user.id, 'Saken ble ferdig behandlet.');
      await this.reviews.audit(tx, user.username, 'marked-done', id, { reason: note, round: state.round });
    });
  }

  /** Re-opens a done submission, with a reason; corrections and decisions are allowed again. */
  async reopen(user: User, id: string, reason: string): Promise<void> {
    const why = requireReason(reason);
    await this.submission(id);
    await this.change(id, async (tx) => {
      if (!(await this.reviews.lockedRecord(tx, id)))
        throw new ReviewError('Fant ikke innsendingen.', 'NOT_FOUND');
      const state = await this.reviews.reviewState(tx, id);
      if (!state.done) throw new ReviewError('Innsendingen er ikke ferdig behandlet.', 'CONFLICT');
      await this.reviews.reopen(tx, id, user.username, why, state.round);
      await this.reviews.audit(tx, user.username, 'reopened', id, { reason: why, round: state.round + 1 });
    });
  }

  /** One reviewer action: its writes, then the case's index row, in one transaction. */
  private change<T>(id: string, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.reviews.transaction(async (tx) => {
      const out = await fn(tx);
      await this.cases.refresh(tx, [id]);
      return out;
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

  /**
   * Per scheme and year: submissions, amounts and open findings (as the allocation table in seed
   * 004), in one query over the case index.
   */
  async summary(): Promise<SummaryRow[]> {
    await this.cases.refreshStale(this.reviews.sql);
    const rows = await this.reviews.sql.query<{
      scheme: string | null;
      year: number | null;
      submissions: string;
      requested: number | null;
      granted: number | null;
      spent: number | null;
      open: string | null;
      done: string;
    }>(
      `SELECT c.scheme, c.year, count(*) AS submissions, sum(coalesce(c.requested_amount, 0)) AS requested,
         sum(coalesce((s.record->>'grantedAmount')::double precision, 0)) AS granted,
         sum(coalesce((s.record->>'spentAmount')::double precision, 0)) AS spent,
         sum(c.open_count) FILTER (WHERE c.status <> 'done') AS open,
         count(*) FILTER (WHERE c.status = 'done') AS done
       FROM case_index c JOIN submissions s ON s.id = c.submission_id
       GROUP BY c.scheme, c.year`,
    );
    return rows
      .map((r) => ({
        scheme: r.scheme,
        year: r.year,
        submissions: Number(r.submissions),
        requestedAmount: Number(r.requested ?? 0),
        grantedAmount: Number(r.granted ?? 0),
        spentAmount: Number(r.spent ?? 0),
        openFindings: Number(r.open ?? 0),
        done: Number(r.done),
      }))
      .sort((a, b) => (a.scheme ?? '~').localeCompare(b.scheme ?? '~') || (a.year ?? 0) - (b.year ?? 0));
  }

  records(): Promise<Array<{ record: ProcessedRecord; done: boolean }>> {
    return this.reviews.allRecords();
  }
}

const RESOLUTIONS: readonly Resolution[] = ['accepted', 'waived', 'rejected'];
const isResolution = (value: string): value is Resolution =>
  (RESOLUTIONS as readonly string[]).includes(value);

/** A day as yyyy-mm-dd from yyyy-mm-dd or dd.mm.åååå; null when it is no real date. */
function parseDay(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = m[1]!.length === 4 ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!, m[1]!];
  return validDay(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

/** A field's name as the start of a sentence. */
function fieldWord(field: string): string {
  const name = field === 'scheme' ? 'tilskuddsordning' : field === 'year' ? 'år' : fieldName(field);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

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
