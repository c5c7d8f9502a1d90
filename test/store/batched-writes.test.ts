import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileBlobStore } from '../../src/blobs/blob-store.ts';
import { ingest } from '../../src/pipeline/ingest.ts';
import { readChain, verifyChain } from '../../src/review/audit-chain.ts';
import { sinkLedger, storeSink } from '../../src/store/ingest-sink.ts';
import { Store } from '../../src/store/store.ts';
import { DATABASE_URL, dropSchema, requirePostgres, uniqueName } from '../queue/support/services.ts';
import { register, schemes } from '../support/rule-fixtures.ts';

const root = join(import.meta.dirname, '../..');
/** Small batches, so the archive spans several and duplicates fall on both sides of a boundary. */
const BATCH = 5;

/**
 * Every sample submission that needs no OCR (the store is what is compared, and OCR only costs
 * time), plus duplicates: two whole submissions copied under other names, one file of a third
 * brought again by a new submission, and a file twice in one submission.
 */
async function archive(): Promise<{ dir: string; late: string }> {
  const base = await mkdtemp(join(tmpdir(), 'intake-batched-'));
  const dir = join(base, 'arkiv');
  for (const year of await readdir(join(root, 'samples'))) {
    const yearDir = join(root, 'samples', year);
    for (const name of await readdir(yearDir).catch(() => [])) {
      if (name.endsWith('-skannet')) continue;
      await cp(join(yearDir, name), join(dir, year, name), { recursive: true });
    }
  }
  await cp(join(dir, '2022/fredrikstad-nav-clean'), join(dir, '2026/fredrikstad-kopi'), { recursive: true });
  await cp(join(dir, '2025/sola-tryggest-over-cap'), join(dir, '2026/sola-kopi'), { recursive: true });
  await mkdir(join(dir, '2026/med-lant-vedlegg'), { recursive: true });
  await cp(
    join(dir, '2025/trondheim-fact-ung-clean/soknad.pdf'),
    join(dir, '2026/med-lant-vedlegg/soknad.pdf'),
  );
  await cp(
    join(dir, '2023/alesund-voksne-late/samarbeidsavtale.pdf'),
    join(dir, '2026/med-lant-vedlegg/avtale.pdf'),
  );
  await cp(join(dir, '2023/bodo-rus-late/soknad.pdf'), join(dir, '2023/bodo-rus-late/soknad-igjen.pdf'));
  // Added before the re-run: its bytes are owned by a submission of the first run, in the store.
  const late = join(base, 'sent');
  await cp(join(dir, '2023/narvik-overgang-over-cap'), join(late, 'narvik-sent'), { recursive: true });
  return { dir, late };
}

interface Snapshot {
  jsonl: string[];
  tables: Record<string, unknown[]>;
}

/**
 * The run as `intake ingest` makes it (a run in the ledger, the store sink), in-process so the
 * batch size can be set: the first run, then a re-run over the same archive plus one late folder.
 */
async function runTwice(store: Store, dir: string, late: string, batchSize: number): Promise<Snapshot> {
  const jsonl: string[] = [];
  const blobs = new FileBlobStore(await mkdtemp(join(tmpdir(), 'intake-batched-blobs-')));
  for (const paths of [[dir], [dir, late]]) {
    const sink = storeSink(store, blobs, batchSize);
    const run = await store.startRun(paths);
    const ledger = sinkLedger(store, sink, run);
    const outDir = await mkdtemp(join(tmpdir(), 'intake-batched-out-'));
    const { outFile } = await ingest({
      paths,
      outDir,
      ctx: { schemes, register, lowConfidenceThreshold: 0.6 },
      limits: {},
      concurrency: 4,
      sink,
      ledger,
    });
    jsonl.push(...(await readFile(outFile, 'utf8')).trim().split('\n'));
  }
  return { jsonl, tables: await tables(store) };
}

/**
 * Every table ingest writes, without what differs by nature between two runs: timestamps (created_at,
 * updated_at, claimed_at, at, started_at, finished_at), serial ids (findings.id, audit_log.id), the
 * audit chain's hashes (they cover id and at; the chain is verified apart) and the runs' random ids
 * and reports (timings). Rows in insertion order where it matters (findings, audit log).
 */
async function tables(store: Store): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => store.sql.query(sql);
  // JSONB as text: it tells a JSON null from an SQL NULL, which parsed values would not.
  return {
    submissions: await q(
      `SELECT id, source, state, scheme, year, status, record::text, error, validations, extracted::text,
         extractor_version
       FROM submissions ORDER BY id`,
    ),
    documents: await q(
      `SELECT submission_id, position, path, sha256, state, load_failure::text, format, type, method, pages,
         confidence, read::text
       FROM documents ORDER BY submission_id, position`,
    ),
    document_owners: await q('SELECT sha256, submission_id, source FROM document_owners ORDER BY sha256'),
    fields: await q(
      `SELECT submission_id, name, value::text, confidence, evidence::text FROM fields
       ORDER BY submission_id, name`,
    ),
    findings: await q(
      `SELECT submission_id, code, severity, message, field, evidence::text FROM findings
       ORDER BY submission_id, id`,
    ),
    audit_log: await q('SELECT actor, action, submission_id, details::text FROM audit_log ORDER BY id'),
    run_submissions: await q(
      `SELECT r.paths::text, rs.submission_id, rs.skipped FROM run_submissions rs JOIN runs r ON r.id = rs.run_id
       ORDER BY r.started_at, rs.submission_id`,
    ),
    runs: await q('SELECT paths::text, finished_at IS NOT NULL AS finished FROM runs ORDER BY started_at'),
  };
}

function expectSame(batched: Snapshot, oneByOne: Snapshot): void {
  expect(batched.jsonl).toEqual(oneByOne.jsonl);
  for (const [table, rows] of Object.entries(oneByOne.tables)) {
    expect({ table, rows: batched.tables[table] }).toEqual({ table, rows });
  }
}

/** What the comparison rests on: the archive really has duplicates, a re-run and a late folder. */
function expectTheCasesCovered(s: Snapshot): void {
  const records = s.jsonl.map((l) => JSON.parse(l) as { findings: Array<{ code: string }> });
  const duplicates = records.filter((r) => r.findings.some((f) => f.code === 'DUPLICATE_DOCUMENT'));
  expect(duplicates.length).toBeGreaterThanOrEqual(4);
  const runs = s.tables.run_submissions as Array<{ skipped: boolean }>;
  expect(runs.filter((r) => r.skipped).length).toBeGreaterThan(40);
  expect(runs.filter((r) => !r.skipped).length).toBeGreaterThan(40);
}

describe('batched record writes', () => {
  let dir: string;
  let late: string;
  beforeAll(async () => {
    ({ dir, late } = await archive());
  });
  afterAll(async () => {
    if (dir) await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('leave the same jsonl and table rows as one-by-one writes on PostgreSQL', async () => {
    await requirePostgres();
    const schemas = [uniqueName('batched'), uniqueName('onebyone')];
    try {
      const snapshots: Snapshot[] = [];
      for (const [i, size] of [BATCH, 1].entries()) {
        const store = await Store.open({ databaseUrl: DATABASE_URL, dataDir: tmpdir(), schema: schemas[i]! });
        try {
          snapshots.push(await runTwice(store, dir, late, size));
          expect(verifyChain(await readChain(store.sql)).breaks).toEqual([]);
        } finally {
          await store.close();
        }
      }
      expectTheCasesCovered(snapshots[1]!);
      expectSame(snapshots[0]!, snapshots[1]!);
    } finally {
      for (const schema of schemas) await dropSchema(schema);
    }
  }, 600_000);

  it('leave the same jsonl and table rows as one-by-one writes in the embedded database', async () => {
    const snapshots: Snapshot[] = [];
    for (const size of [BATCH, 1]) {
      const dataDir = await mkdtemp(join(tmpdir(), 'intake-batched-db-'));
      const store = await Store.open({ databaseUrl: null, dataDir, schema: 'intake' });
      try {
        snapshots.push(await runTwice(store, dir, late, size));
        expect(verifyChain(await readChain(store.sql)).breaks).toEqual([]);
      } finally {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
    expectTheCasesCovered(snapshots[1]!);
    expectSame(snapshots[0]!, snapshots[1]!);
  }, 600_000);
});
