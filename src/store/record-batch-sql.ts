import { EXTRACTOR_VERSION } from '../pipeline/extractor-version.ts';
import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import { lapseChangedDecisions } from '../review/decision-lapses.ts';
import { readToJson } from './read-json.ts';
import type { SqlExecutor } from './sql-client.ts';
import { fieldRows, fieldsToJson, type ProcessedSubmission } from './store.ts';

/** A document's bytes claimed by a submission (document_owners), first comer in discovery order. */
export interface OwnerClaim {
  sha256: string;
  submissionId: string;
  source: string;
}

/** A submission an `intake ingest` run has recorded (run_submissions). */
export interface RunEntry {
  runId: string;
  submissionId: string;
  skipped: boolean;
}

export interface RecordBatchRows {
  claims: OwnerClaim[];
  /** In discovery order; each submission id at most once (the caller flushes before a repeat). */
  results: ProcessedSubmission[];
  runEntries: RunEntry[];
}

/**
 * Writes a batch of checked submissions in one transaction with one statement per table: what
 * Store.saveProcessed (withReads) and claimDocuments and addRunSubmission write one by one, the
 * same rows in the same order. The rows travel as one JSON array per table, spelled out here as
 * text so a record's JSON is not parsed back only to be written again.
 */
export async function writeRecordBatch(tx: SqlExecutor, rows: RecordBatchRows, actor: string): Promise<void> {
  const { claims, results, runEntries } = rows;
  if (claims.length > 0) {
    await tx.query(
      `INSERT INTO document_owners (sha256, submission_id, source)
       SELECT c.sha256, c.submission_id, c.source
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS c(sha256, submission_id, source, n)
       ORDER BY c.n
       ON CONFLICT (sha256) DO NOTHING`,
      [claims.map((c) => c.sha256), claims.map((c) => c.submissionId), claims.map((c) => c.source)],
    );
  }
  if (results.length > 0) await writeResults(tx, results, actor);
  if (runEntries.length > 0) {
    await tx.query(
      `INSERT INTO run_submissions (run_id, submission_id, skipped)
       SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[])
       ON CONFLICT (run_id, submission_id) DO NOTHING`,
      [
        runEntries.map((r) => r.runId),
        runEntries.map((r) => r.submissionId),
        runEntries.map((r) => r.skipped),
      ],
    );
  }
}

async function writeResults(tx: SqlExecutor, results: ProcessedSubmission[], actor: string): Promise<void> {
  const ids = results.map((r) => r.record.id);
  // A record checked before (a newer extractor over the same bytes): decisions on findings it
  // changes lapse, as after a correction; the lock keeps a reviewer's change from interleaving.
  const previous = new Map(
    (
      await tx.query<{ id: string; record: ProcessedRecord | null }>(
        'SELECT id, record FROM submissions WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
        [ids],
      )
    ).map((r) => [r.id, r.record]),
  );

  await tx.query(
    `INSERT INTO submissions (id, source, state, scheme, year, status, record, validations, extracted, extractor_version)
     SELECT e->>'id', e->>'source', 'done', e->>'scheme', (e->>'year')::integer, e->>'status', e->'record', 1,
       e->'extracted', $2
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY t.n
     ON CONFLICT (id) DO UPDATE SET state = 'done', scheme = EXCLUDED.scheme, year = EXCLUDED.year,
       status = EXCLUDED.status, record = EXCLUDED.record, error = NULL,
       validations = submissions.validations + 1, updated_at = now(),
       extracted = EXCLUDED.extracted, extractor_version = EXCLUDED.extractor_version`,
    [
      jsonArray(
        results.map(({ record, fields }) =>
          jsonObject({
            id: JSON.stringify(record.id),
            source: JSON.stringify(record.source),
            scheme: JSON.stringify(record.scheme),
            year: JSON.stringify(record.year),
            status: JSON.stringify(record.status),
            record: JSON.stringify(record),
            extracted: fieldsToJson(fields),
          }),
        ),
      ),
      EXTRACTOR_VERSION,
    ],
  );

  await tx.query(
    `INSERT INTO documents (submission_id, position, path, sha256, state, format, type, method, pages, confidence, read)
     SELECT e->>'submissionId', (e->>'position')::integer, e->>'path', e->>'sha256', 'done', e->>'format',
       e->>'type', e->>'method', (e->>'pages')::integer, (e->>'confidence')::double precision, e->'read'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY t.n
     ON CONFLICT (submission_id, position) DO UPDATE SET state = 'done', format = EXCLUDED.format,
       type = EXCLUDED.type, method = EXCLUDED.method, pages = EXCLUDED.pages,
       confidence = EXCLUDED.confidence, read = COALESCE(EXCLUDED.read, documents.read)`,
    [
      jsonArray(
        results.flatMap(({ record, reads }) =>
          record.documents.map((doc, position) =>
            jsonObject({
              submissionId: JSON.stringify(record.id),
              position: String(position),
              path: JSON.stringify(doc.path),
              sha256: JSON.stringify(doc.sha256),
              format: JSON.stringify(reads[position]!.format),
              type: JSON.stringify(doc.type),
              method: JSON.stringify(doc.method),
              pages: JSON.stringify(doc.pages),
              confidence: JSON.stringify(doc.confidence),
              read: readToJson(reads[position]!),
            }),
          ),
        ),
      ),
    ],
  );

  await tx.query('DELETE FROM fields WHERE submission_id = ANY($1::text[])', [ids]);
  const fields = results.flatMap(({ record, fields }) =>
    fieldRows(fields).map((f) =>
      jsonObject({
        submissionId: JSON.stringify(record.id),
        name: JSON.stringify(f.name),
        value: JSON.stringify(f.value),
        confidence: JSON.stringify(f.confidence),
        evidence: JSON.stringify(f.evidence),
      }),
    ),
  );
  if (fields.length > 0) {
    await tx.query(
      `INSERT INTO fields (submission_id, name, value, confidence, evidence)
       SELECT e->>'submissionId', e->>'name', e->'value', (e->>'confidence')::double precision, e->'evidence'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY t.n`,
      [jsonArray(fields)],
    );
  }

  await tx.query('DELETE FROM findings WHERE submission_id = ANY($1::text[])', [ids]);
  const findings = results.flatMap(({ record }) =>
    record.findings.map((f) =>
      jsonObject({
        submissionId: JSON.stringify(record.id),
        code: JSON.stringify(f.code),
        severity: JSON.stringify(f.severity),
        message: JSON.stringify(f.message),
        field: JSON.stringify(f.field),
        // Store.saveProcessed writes a missing evidence as SQL NULL, not as JSON null.
        evidence: f.evidence ? JSON.stringify(f.evidence) : undefined,
      }),
    ),
  );
  if (findings.length > 0) {
    // Ordered so the serial ids follow the records' finding order, as one by one.
    await tx.query(
      `INSERT INTO findings (submission_id, code, severity, message, field, evidence)
       SELECT e->>'submissionId', e->>'code', e->>'severity', e->>'message', e->>'field', e->'evidence'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY t.n`,
      [jsonArray(findings)],
    );
  }

  // Audit rows in the order one by one writes them: a record's 'processed' row, then the history
  // lines of decisions its new findings lapse (rare: only a record checked before has any).
  let unwritten: ProcessedRecord[] = [];
  const writeAudit = async () => {
    if (unwritten.length === 0) return;
    await tx.query(
      `INSERT INTO audit_log (actor, action, submission_id, details)
       SELECT $1, 'processed', e->>'id', e->'details'
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY t.n`,
      [
        actor,
        JSON.stringify(
          unwritten.map((r) => ({ id: r.id, details: { status: r.status, findings: r.findings.length } })),
        ),
      ],
    );
    unwritten = [];
  };
  for (const { record } of results) {
    unwritten.push(record);
    const before = previous.get(record.id);
    if (!before) continue;
    await writeAudit();
    await lapseChangedDecisions(tx, actor, before, record);
  }
  await writeAudit();
}

/** A JSON object from members already written as JSON text; an undefined member is left out. */
function jsonObject(members: Record<string, string | undefined>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(members)) {
    if (value !== undefined) parts.push(`${JSON.stringify(key)}:${value}`);
  }
  return `{${parts.join(',')}}`;
}

function jsonArray(items: string[]): string {
  return `[${items.join(',')}]`;
}
