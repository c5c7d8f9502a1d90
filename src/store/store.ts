import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ReadDocument, ReadFailure } from '../domain/document.ts';
import type { SubmissionFields } from '../extract/extract-submission.ts';
import { EXTRACTOR_VERSION } from '../pipeline/extractor-version.ts';
import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import { lapseChangedDecisions } from '../review/decision-lapses.ts';
import type { Scheme } from '../schemes/scheme-schema.ts';
import { migrate } from './migrate.ts';
import { alreadyProcessed } from './processed-once.ts';
import { readFromJson, readToJson } from './read-json.ts';
import { inContractOrder } from './record-order.ts';
import { connectPostgres, openEmbedded, type SqlClient, type SqlExecutor } from './sql-client.ts';
import { StoreError } from './store-error.ts';

/** sha256 of no bytes: empty and unloadable files share it by accident, not by being one document. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export type SubmissionState = 'pending' | 'done' | 'failed';
export type DocumentState = 'pending' | 'ocr-pending' | 'done';

/** A document as enqueue registers it: where it came from and the hash of its bytes. */
export interface DocumentEntry {
  position: number;
  path: string;
  sha256: string;
  /** Set when the file could not be loaded at all (it then has no blob). */
  loadFailure: ReadFailure | null;
}

export interface SubmissionEntry {
  id: string;
  source: string;
  documents: DocumentEntry[];
}

export interface DocumentRow extends DocumentEntry {
  state: DocumentState;
  read: ReadDocument | null;
}

export interface BatchProgress {
  id: string;
  createdAt: Date;
  paths: string[];
  total: number;
  enqueued: boolean;
  done: number;
  failed: number;
  pending: number;
}

/** What the submission stages produced, as the store keeps it. */
export interface ProcessedSubmission {
  record: ProcessedRecord;
  reads: ReadDocument[];
  fields: SubmissionFields;
}

export interface StoreOptions {
  /** PostgreSQL server; null: the embedded database in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  schema: string;
  /** Connections in the pool (server only). */
  poolSize?: number;
}

/**
 * The repository over the store's tables: every query of the program is here, and runs the same
 * on a PostgreSQL server and on the embedded PGlite. Opening it applies pending migrations.
 */
export class Store {
  private constructor(
    private readonly db: SqlClient,
    readonly embedded: boolean,
  ) {}

  static async open(options: StoreOptions): Promise<Store> {
    const db = options.databaseUrl
      ? connectPostgres(options.databaseUrl, options.schema, options.poolSize)
      : await openEmbedded(join(options.dataDir, 'db'), options.schema);
    try {
      await migrate(db, options.schema);
    } catch (error) {
      await db.close().catch(() => undefined);
      if (options.databaseUrl && isConnectionError(error)) {
        throw new StoreError(
          `får ikke kontakt med PostgreSQL (${(error as Error).message}). Start PostgreSQL ` +
            '(her: `pg_ctlcluster 15 main start`, eller `docker compose up -d postgres`) eller rett DATABASE_URL.',
          'STORE_UNAVAILABLE',
        );
      }
      throw error;
    }
    return new Store(db, options.databaseUrl === null);
  }

  get description(): string {
    return this.db.description;
  }

  /** The connection, for modules that keep their own tables in the same schema (src/review/). */
  get sql(): SqlClient {
    return this.db;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** Starts an enqueue batch over `paths`; returns its id. */
  async createBatch(paths: string[]): Promise<string> {
    const id = randomUUID();
    await this.db.query('INSERT INTO batches (id, paths) VALUES ($1, $2::jsonb)', [
      id,
      JSON.stringify(paths),
    ]);
    return id;
  }

  async finishBatch(batchId: string, total: number): Promise<void> {
    await this.db.query('UPDATE batches SET total = $2, enqueued_at = now() WHERE id = $1', [batchId, total]);
  }

  /**
   * Records a submission of a batch with its documents, and claims its documents' bytes for it
   * where no earlier submission has (in the order submissions are registered). A failed
   * submission, or one done by another extractor version, goes back to pending, to be read
   * again. Returns the submission's state.
   */
  async registerSubmission(
    batchId: string,
    position: number,
    entry: SubmissionEntry,
  ): Promise<SubmissionState> {
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO submissions (id, source) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
        entry.id,
        entry.source,
      ]);
      // Failed, or done by another extractor version: back to pending, to be read again.
      const [row] = await tx.query<{ state: SubmissionState }>(
        `UPDATE submissions SET state = CASE WHEN state = 'failed'
             OR (state = 'done' AND extractor_version IS DISTINCT FROM $2) THEN 'pending' ELSE state END,
           error = NULL, updated_at = now() WHERE id = $1 RETURNING state`,
        [entry.id, EXTRACTOR_VERSION],
      );
      await tx.query(
        'INSERT INTO batch_submissions (batch_id, submission_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [batchId, entry.id, position],
      );
      for (const doc of entry.documents) {
        await tx.query(
          `INSERT INTO documents (submission_id, position, path, sha256, load_failure)
           VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING`,
          [
            entry.id,
            doc.position,
            doc.path,
            doc.sha256,
            doc.loadFailure ? JSON.stringify(doc.loadFailure) : null,
          ],
        );
      }
      await claim(
        tx,
        entry.id,
        entry.source,
        entry.documents.map((d) => d.sha256),
      );
      return row!.state;
    });
  }

  /**
   * Claims documents for a submission (first comer owns the bytes) and returns, per document
   * index, the source of the earlier submission that owns them: its DUPLICATE_DOCUMENT findings.
   */
  async claimDocuments(submissionId: string, source: string, shas: string[]): Promise<Map<number, string>> {
    return this.db.transaction(async (tx) => {
      await claim(tx, submissionId, source, shas);
      return duplicates(tx, source, shas);
    });
  }

  /** The earlier owners of a registered submission's documents, by document position. */
  async duplicatesOf(submissionId: string): Promise<Map<number, string>> {
    const rows = await this.db.query<{ position: number; source: string }>(
      `SELECT d.position, o.source FROM documents d
         JOIN submissions s ON s.id = d.submission_id
         JOIN document_owners o ON o.sha256 = d.sha256
       WHERE d.submission_id = $1 AND d.sha256 <> $2 AND o.source <> s.source`,
      [submissionId, EMPTY_SHA256],
    );
    return new Map(rows.map((r) => [r.position, r.source]));
  }

  async submissionState(id: string): Promise<SubmissionState | null> {
    const [row] = await this.db.query<{ state: SubmissionState }>(
      'SELECT state FROM submissions WHERE id = $1',
      [id],
    );
    return row?.state ?? null;
  }

  async submissionSource(id: string): Promise<string> {
    const [row] = await this.db.query<{ source: string }>('SELECT source FROM submissions WHERE id = $1', [
      id,
    ]);
    if (!row) throw new StoreError(`ukjent innsending ${id}`, 'STORE_NOT_FOUND', { id });
    return row.source;
  }

  async document(submissionId: string, position: number): Promise<DocumentRow> {
    const [row] = await this.db.query<DbDocument>(
      `${SELECT_DOCUMENT} WHERE submission_id = $1 AND position = $2`,
      [submissionId, position],
    );
    if (!row) throw new StoreError(`ukjent dokument ${submissionId}/${position}`, 'STORE_NOT_FOUND');
    return documentRow(row);
  }

  async documents(submissionId: string): Promise<DocumentRow[]> {
    const rows = await this.db.query<DbDocument>(
      `${SELECT_DOCUMENT} WHERE submission_id = $1 ORDER BY position`,
      [submissionId],
    );
    return rows.map(documentRow);
  }

  /** Saves a document's read result after a document stage. */
  async saveRead(
    submissionId: string,
    position: number,
    read: ReadDocument,
    state: DocumentState,
  ): Promise<void> {
    await this.db.query(
      `UPDATE documents SET read = $3::jsonb, state = $4, format = $5, method = $6, pages = $7
       WHERE submission_id = $1 AND position = $2`,
      [submissionId, position, readToJson(read), state, read.format, read.method, read.pageCount],
    );
  }

  /**
   * Saves a checked submission: the record, its documents (with their read results when
   * `withReads`, as ingest has them only in memory), fields with evidence and findings. Running it
   * again for the same submission replaces what it wrote: a repeated job leaves one record.
   */
  async saveProcessed(
    result: ProcessedSubmission,
    options: { withReads: boolean; actor: string; onlyIfChanged?: boolean },
  ): Promise<void> {
    const { record, reads, fields } = result;
    await this.db.transaction(async (tx) => {
      // A record checked before (a newer extractor over the same bytes): decisions on findings it
      // changes lapse, as after a correction.
      const [previous] = await tx.query<{ record: ProcessedRecord | null }>(
        'SELECT record FROM submissions WHERE id = $1 FOR UPDATE',
        [record.id],
      );
      // A queue job run twice, even at once, saves nothing the second time: looked at under the
      // row lock, so one record, one validation and one audit row (issue 14, item 6).
      if (options.onlyIfChanged && (await alreadyProcessed(tx, record))) return;
      await tx.query(
        `INSERT INTO submissions (id, source, state, scheme, year, status, record, validations, extracted, extractor_version)
         VALUES ($1, $2, 'done', $3, $4, $5, $6::jsonb, 1, $7::jsonb, $8)
         ON CONFLICT (id) DO UPDATE SET state = 'done', scheme = $3, year = $4, status = $5, record = $6::jsonb,
           error = NULL, validations = submissions.validations + 1, updated_at = now(),
           extracted = $7::jsonb, extractor_version = $8`,
        [
          record.id,
          record.source,
          record.scheme,
          record.year,
          record.status,
          JSON.stringify(record),
          fieldsToJson(fields),
          EXTRACTOR_VERSION,
        ],
      );
      for (const [position, doc] of record.documents.entries()) {
        const read = reads[position]!;
        await tx.query(
          `INSERT INTO documents (submission_id, position, path, sha256, state, format, type, method, pages, confidence, read)
           VALUES ($1, $2, $3, $4, 'done', $5, $6, $7, $8, $9, $10::jsonb)
           ON CONFLICT (submission_id, position) DO UPDATE SET state = 'done', format = $5, type = $6, method = $7,
             pages = $8, confidence = $9, read = COALESCE($10::jsonb, documents.read)`,
          [
            record.id,
            position,
            doc.path,
            doc.sha256,
            read.format,
            doc.type,
            doc.method,
            doc.pages,
            doc.confidence,
            options.withReads ? readToJson(read) : null,
          ],
        );
      }
      await replaceFields(tx, record.id, fields);
      await replaceFindings(tx, record);
      await auditRecord(tx, options.actor, 'processed', record);
      if (previous?.record) await lapseChangedDecisions(tx, options.actor, previous.record, record);
    });
  }

  /** Marks a submission that could not be checked (its job failed for good), with why. */
  async markFailed(submissionId: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE submissions SET state = 'failed', error = $2, updated_at = now() WHERE id = $1 AND state <> 'done'`,
      [submissionId, error],
    );
  }

  /** Every batch with how many of its submissions are done, failed and still pending, newest last. */
  async batches(): Promise<BatchProgress[]> {
    const rows = await this.db.query<{
      id: string;
      created_at: Date | string;
      paths: string[];
      total: number;
      enqueued: boolean;
      done: number;
      failed: number;
      pending: number;
    }>(
      `SELECT b.id, b.created_at, b.paths, b.total, b.enqueued_at IS NOT NULL AS enqueued,
         count(*) FILTER (WHERE s.state = 'done')::int AS done,
         count(*) FILTER (WHERE s.state = 'failed')::int AS failed,
         count(*) FILTER (WHERE s.state = 'pending')::int AS pending
       FROM batches b
       LEFT JOIN batch_submissions bs ON bs.batch_id = b.id
       LEFT JOIN submissions s ON s.id = bs.submission_id
       GROUP BY b.id ORDER BY b.created_at, b.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at),
      paths: r.paths,
      total: r.total,
      enqueued: r.enqueued,
      done: r.done,
      failed: r.failed,
      pending: r.pending,
    }));
  }

  /** The records of every checked submission, in source order (for export). */
  async records(): Promise<ProcessedRecord[]> {
    const rows = await this.db.query<{ record: ProcessedRecord }>(
      `SELECT record FROM submissions WHERE state = 'done' ORDER BY source, id`,
    );
    return rows.map((r) => inContractOrder(r.record));
  }

  /**
   * The record of a submission already done from the same bytes by the same extractor version
   * (a re-run skips it); null when it must be processed.
   */
  async doneRecord(submissionId: string, extractorVersion: string): Promise<ProcessedRecord | null> {
    const [row] = await this.db.query<{ record: ProcessedRecord }>(
      `SELECT record FROM submissions WHERE id = $1 AND state = 'done' AND extractor_version = $2`,
      [submissionId, extractorVersion],
    );
    return row ? inContractOrder(row.record) : null;
  }

  /** {@link doneRecord} for many submissions in one query: the done ones, by id. */
  async doneRecords(
    submissionIds: string[],
    extractorVersion: string,
  ): Promise<Map<string, ProcessedRecord>> {
    const rows = await this.db.query<{ id: string; record: ProcessedRecord }>(
      `SELECT id, record FROM submissions WHERE id = ANY($1::text[]) AND state = 'done' AND extractor_version = $2`,
      [submissionIds, extractorVersion],
    );
    return new Map(rows.map((r) => [r.id, inContractOrder(r.record)]));
  }

  /** The stored owners (their sources) of documents' bytes, by sha256; unowned ones are missing. */
  async documentOwners(shas: string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<{ sha256: string; source: string }>(
      'SELECT sha256, source FROM document_owners WHERE sha256 = ANY($1::text[])',
      [shas],
    );
    return new Map(rows.map((r) => [r.sha256, r.source]));
  }

  /**
   * The ids of the submissions done by this extractor version, or null when there are more than
   * `limit` (a bulk run then asks about each submission instead of holding them all).
   */
  async doneIds(extractorVersion: string, limit: number): Promise<Set<string> | null> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM submissions WHERE state = 'done' AND extractor_version = $1 LIMIT $2`,
      [extractorVersion, limit + 1],
    );
    return rows.length > limit ? null : new Set(rows.map((r) => r.id));
  }

  /** The sha256 of every document with an owner, or null when there are more than `limit`. */
  async ownedShas(limit: number): Promise<Set<string> | null> {
    const rows = await this.db.query<{ sha256: string }>('SELECT sha256 FROM document_owners LIMIT $1', [
      limit + 1,
    ]);
    return rows.length > limit ? null : new Set(rows.map((r) => r.sha256));
  }

  /**
   * Starts an `intake ingest` run over `paths`, or resumes the last one over the same paths that
   * did not finish (it was interrupted). Returns its id and whether it was resumed.
   */
  async startRun(paths: string[]): Promise<{ id: string; resumed: boolean }> {
    const json = JSON.stringify(paths);
    const [open] = await this.db.query<{ id: string }>(
      `SELECT id FROM runs WHERE paths = $1::jsonb AND finished_at IS NULL ORDER BY started_at DESC LIMIT 1`,
      [json],
    );
    if (open) return { id: open.id, resumed: true };
    const id = randomUUID();
    await this.db.query('INSERT INTO runs (id, paths) VALUES ($1, $2::jsonb)', [id, json]);
    return { id, resumed: false };
  }

  /** Notes that a run has recorded a submission (once per run, however often it resumes). */
  async addRunSubmission(runId: string, submissionId: string, skipped: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO run_submissions (run_id, submission_id, skipped) VALUES ($1, $2, $3)
       ON CONFLICT (run_id, submission_id) DO NOTHING`,
      [runId, submissionId, skipped],
    );
  }

  async finishRun(runId: string, report: unknown): Promise<void> {
    await this.db.query('UPDATE runs SET finished_at = now(), report = $2::jsonb WHERE id = $1', [
      runId,
      JSON.stringify(report),
    ]);
  }

  /** How many submissions a run has recorded, and how many of those it skipped. */
  async runCounts(runId: string): Promise<{ recorded: number; skipped: number }> {
    const [row] = await this.db.query<{ recorded: number; skipped: number }>(
      `SELECT count(*)::int AS recorded, count(*) FILTER (WHERE skipped)::int AS skipped
       FROM run_submissions WHERE run_id = $1`,
      [runId],
    );
    return row ?? { recorded: 0, skipped: 0 };
  }

  /**
   * Checked submissions with their stored fields, in id order after `afterId`, `limit` at a time
   * (revalidation pages through the store instead of loading it whole).
   */
  async storedFields(
    afterId: string,
    limit: number,
    schemes: Scheme[],
  ): Promise<
    Array<{ id: string; source: string; record: ProcessedRecord; fields: SubmissionFields | null }>
  > {
    const rows = await this.db.query<{
      id: string;
      source: string;
      record: ProcessedRecord;
      extracted: unknown;
    }>(
      `SELECT id, source, record, extracted FROM submissions WHERE state = 'done' AND id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      source: r.source,
      record: inContractOrder(r.record),
      fields: r.extracted === null ? null : fieldsFromJson(r.extracted, schemes),
    }));
  }

  /** A reviewer's latest correction of each field of a submission (002-review.sql), as raw values. */
  async latestCorrections(submissionId: string): Promise<Map<string, unknown>> {
    const rows = await this.db.query<{ field: string; after: unknown }>(
      `SELECT DISTINCT ON (field) field, after FROM field_corrections WHERE submission_id = $1
       ORDER BY field, id DESC`,
      [submissionId],
    );
    return new Map(rows.map((r) => [r.field, r.after]));
  }

  /**
   * Replaces a submission's record and findings after its rules ran again (`intake revalidate`).
   * A reviewer's decision on a finding whose values changed lapses, with a history line, as after a
   * correction; the row lock keeps a reviewer's change from interleaving.
   */
  async saveRevalidated(record: ProcessedRecord, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [previous] = await tx.query<{ record: ProcessedRecord | null }>(
        'SELECT record FROM submissions WHERE id = $1 FOR UPDATE',
        [record.id],
      );
      await updateRecord(tx, record);
      await replaceFindings(tx, record);
      await auditRecord(tx, actor, 'revalidated', record);
      if (previous?.record) await lapseChangedDecisions(tx, actor, previous.record, record);
    });
  }

  /**
   * The configuration a done submission was made with (008-config-fingerprints.sql): its own, or,
   * when it was saved since the run `runId` started (the run is being resumed, and made it before
   * the interruption; a run stamps its submissions only at its end), the run's. Many at once, by
   * id; an id the store does not have is missing.
   */
  async storedConfigs(
    submissionIds: string[],
    runId: string,
  ): Promise<Map<string, { read: string | null; check: string | null }>> {
    const rows = await this.db.query<{ id: string; read: string | null; check: string | null }>(
      `SELECT s.id, COALESCE(s.read_config, r.read_config) AS read, COALESCE(s.check_config, r.check_config) AS check
       FROM submissions s LEFT JOIN runs r ON r.id = $2 AND s.updated_at >= r.started_at
       WHERE s.id = ANY($1::text[])`,
      [submissionIds, runId],
    );
    return new Map(rows.map(({ id, read, check }) => [id, { read, check }]));
  }

  /** Notes the configuration a run started with; a resumed run keeps the one it started with. */
  async setRunConfig(runId: string, config: { read: string; check: string }): Promise<void> {
    await this.db.query(
      `UPDATE runs SET read_config = COALESCE(read_config, $2), check_config = COALESCE(check_config, $3)
       WHERE id = $1`,
      [runId, config.read, config.check],
    );
  }

  /** At a run's end, every submission it recorded is as this configuration makes it. */
  async stampRunConfig(runId: string, config: { read: string; check: string }): Promise<void> {
    await this.db.query(
      `UPDATE submissions SET read_config = $2, check_config = $3
       WHERE id IN (SELECT submission_id FROM run_submissions WHERE run_id = $1)`,
      [runId, config.read, config.check],
    );
  }

  /**
   * Saves a submission extracted and checked again from its stored read results (`intake ingest`
   * after the register or the schemes changed): its fields and record, as revalidation does, with
   * decisions on findings it changes lapsing. Not counted as a validation: nothing was read.
   */
  async saveRechecked(record: ProcessedRecord, fields: SubmissionFields, actor: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [previous] = await tx.query<{ record: ProcessedRecord | null }>(
        'SELECT record FROM submissions WHERE id = $1 FOR UPDATE',
        [record.id],
      );
      await updateRecord(tx, record);
      await tx.query('UPDATE submissions SET extracted = $2::jsonb WHERE id = $1', [
        record.id,
        fieldsToJson(fields),
      ]);
      await replaceFields(tx, record.id, fields);
      await replaceFindings(tx, record);
      await auditRecord(tx, actor, 'revalidated', record);
      if (previous?.record) await lapseChangedDecisions(tx, actor, previous.record, record);
    });
  }

  /** Submissions with how often they were checked (tests and operations: exactly once each?). */
  async validationCounts(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ id: string; validations: number }>(
      'SELECT id, validations FROM submissions',
    );
    return new Map(rows.map((r) => [r.id, r.validations]));
  }
}

/** A failure to reach the server at all (as opposed to an error in a query). */
/** Sets a done submission's record (and the columns drawn from it) after its rules ran again. */
export async function updateRecord(tx: SqlExecutor, record: ProcessedRecord): Promise<void> {
  await tx.query(
    `UPDATE submissions SET scheme = $2, year = $3, status = $4, record = $5::jsonb, updated_at = now()
     WHERE id = $1`,
    [record.id, record.scheme, record.year, record.status, JSON.stringify(record)],
  );
}

/** Replaces a submission's extracted fields with their evidence. */
export async function replaceFields(
  tx: SqlExecutor,
  submissionId: string,
  fields: SubmissionFields,
): Promise<void> {
  await tx.query('DELETE FROM fields WHERE submission_id = $1', [submissionId]);
  for (const field of fieldRows(fields)) {
    await tx.query(
      'INSERT INTO fields (submission_id, name, value, confidence, evidence) VALUES ($1, $2, $3::jsonb, $4, $5::jsonb)',
      [
        submissionId,
        field.name,
        JSON.stringify(field.value),
        field.confidence,
        JSON.stringify(field.evidence),
      ],
    );
  }
}

/** Replaces a submission's findings with those of its record. */
export async function replaceFindings(tx: SqlExecutor, record: ProcessedRecord): Promise<void> {
  await tx.query('DELETE FROM findings WHERE submission_id = $1', [record.id]);
  for (const f of record.findings) {
    await tx.query(
      `INSERT INTO findings (submission_id, code, severity, message, field, evidence)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [record.id, f.code, f.severity, f.message, f.field, f.evidence ? JSON.stringify(f.evidence) : null],
    );
  }
}

/** The audit entry of a machine pass over a submission (processed, revalidated). */
async function auditRecord(
  tx: SqlExecutor,
  actor: string,
  action: string,
  record: ProcessedRecord,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor, action, submission_id, details) VALUES ($1, $2, $3, $4::jsonb)`,
    [actor, action, record.id, JSON.stringify({ status: record.status, findings: record.findings.length })],
  );
}

function isConnectionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return (
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '3D000', '28000'].includes(
      code,
    ) || /timeout|terminated|connect/i.test((error as Error).message ?? '')
  );
}

async function claim(tx: SqlExecutor, submissionId: string, source: string, shas: string[]): Promise<void> {
  for (const sha of new Set(shas)) {
    if (sha === EMPTY_SHA256) continue;
    await tx.query(
      'INSERT INTO document_owners (sha256, submission_id, source) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING',
      [sha, submissionId, source],
    );
  }
}

async function duplicates(tx: SqlExecutor, source: string, shas: string[]): Promise<Map<number, string>> {
  const owners = await tx.query<{ sha256: string; source: string }>(
    'SELECT sha256, source FROM document_owners WHERE sha256 = ANY($1::text[])',
    [[...new Set(shas)]],
  );
  const owner = new Map(owners.map((o) => [o.sha256, o.source]));
  const result = new Map<number, string>();
  shas.forEach((sha, i) => {
    const earlier = owner.get(sha);
    if (sha !== EMPTY_SHA256 && earlier !== undefined && earlier !== source) result.set(i, earlier);
  });
  return result;
}

const SELECT_DOCUMENT = 'SELECT position, path, sha256, load_failure, state, read FROM documents';

interface DbDocument {
  position: number;
  path: string;
  sha256: string;
  load_failure: ReadFailure | null;
  state: DocumentState;
  read: unknown;
}

function documentRow(row: DbDocument): DocumentRow {
  return {
    position: row.position,
    path: row.path,
    sha256: row.sha256,
    loadFailure: row.load_failure,
    state: row.state,
    read: row.read === null ? null : readFromJson(row.read),
  };
}

interface FieldRow {
  name: string;
  value: unknown;
  confidence: number | null;
  evidence: unknown;
}

/** Every extracted value with its evidence, named by its path in the fields ("applicant.orgNumber"). */
export function fieldRows(fields: SubmissionFields): FieldRow[] {
  const rows: FieldRow[] = [];
  const visit = (value: unknown, name: string) => {
    if (value === null || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    if ('evidence' in obj && ('value' in obj || 'name' in obj)) {
      const { evidence, confidence, ...rest } = obj;
      rows.push({
        name,
        value: 'value' in rest && Object.keys(rest).length === 1 ? rest.value : rest,
        confidence: typeof confidence === 'number' ? confidence : null,
        evidence,
      });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${name}[${i}]`));
    else for (const [key, child] of Object.entries(obj)) visit(child, name === '' ? key : `${name}.${key}`);
  };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'documentTypes' || key === 'kind') continue;
    if (key === 'scheme' && value) {
      const match = value as { scheme: { id: string }; evidence?: unknown };
      rows.push({
        name: 'scheme',
        value: match.scheme.id,
        confidence: null,
        evidence: match.evidence ?? null,
      });
      continue;
    }
    visit(value, key);
  }
  return rows;
}

/** The extracted fields whole, for revalidation; the matched scheme by its id (rules change). */
export function fieldsToJson(fields: SubmissionFields): string {
  const scheme = fields.scheme ? { ...fields.scheme, scheme: { id: fields.scheme.scheme.id } } : null;
  return JSON.stringify({ ...fields, scheme });
}

/** The inverse of {@link fieldsToJson}, with the scheme as it is now; gone from `schemes`: none. */
export function fieldsFromJson(json: unknown, schemes: Scheme[]): SubmissionFields {
  const value = (typeof json === 'string' ? JSON.parse(json) : json) as SubmissionFields;
  const match = value.scheme as
    (Omit<NonNullable<SubmissionFields['scheme']>, 'scheme'> & { scheme: { id: string } }) | null;
  const scheme = match ? schemes.find((s) => s.id === match.scheme.id) : undefined;
  return { ...value, scheme: match && scheme ? { ...match, scheme } : null };
}
