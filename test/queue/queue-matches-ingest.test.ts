import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePostgres, requireRedis } from './support/services.ts';
import {
  copyInto,
  intake,
  queueEnv,
  readRecords,
  sampleArchive,
  startWorker,
  type QueueEnv,
  type WorkerProcess,
} from './support/queue-run.ts';

/** A representative subset: born-digital, two scans (an image and a scanned PDF), a zip, bad files, a copy. */
const SAMPLES = [
  '2023/harstad-rus-clean-skannet',
  '2024/ostre-toten-invalid-orgnr-skannet',
  '2023/alesund-voksne-late',
  '2023/rana-rus-unreadable-encrypted',
  '2024/arendal-rus-report-unreadable-truncated',
  '2024/vadso-rus-report-zip.zip',
  '2025/ullensaker-rus-xlsx-as-pdf',
  '2024/bergen-voksne-report-clean',
];

// OCR on two shared cores: minutes, not seconds, when other work runs beside the tests.
describe('the queues against the in-process pipeline', { timeout: 600_000 }, () => {
  let archive: string;
  let ingestRun: QueueEnv;
  let queueRun: QueueEnv;
  let workers: WorkerProcess[] = [];
  let ingestOut: string;

  beforeAll(async () => {
    await requirePostgres();
    await requireRedis();
    archive = await sampleArchive(SAMPLES);
    await copyInto(archive, '2023/alesund-voksne-late', '2023/alesund-kopi'); // DUPLICATE_DOCUMENT
    ingestRun = await queueEnv('ingest');
    queueRun = await queueEnv('queue');
    ingestOut = await mkdtemp(join(tmpdir(), 'intake-ingest-out-'));
    await intake(['ingest', archive, '--out', ingestOut], ingestRun.env);
  }, 600_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await ingestRun?.cleanup();
    await queueRun?.cleanup();
  });

  it('gives the same records from two worker processes as `intake ingest`, field by field', async () => {
    const expected = await readRecords(join(ingestOut, 'submissions.jsonl'));
    expect(expected.size).toBe(SAMPLES.length + 1);

    workers = await Promise.all([startWorker(queueRun.env), startWorker(queueRun.env)]);
    const enqueued = await intake(['enqueue', archive], queueRun.env);
    expect(enqueued).toMatch(
      new RegExp(`${SAMPLES.length + 1} innsendinger, ${SAMPLES.length + 1} lagt i kø`),
    );
    const status = await intake(['status', '--wait'], queueRun.env);
    expect(status).toMatch(/9 ferdige, 0 feilet, 0 venter av 9/);

    const queueOut = await mkdtemp(join(tmpdir(), 'intake-queue-out-'));
    await intake(['export', '--out', queueOut], queueRun.env);
    const actual = await readRecords(join(queueOut, 'submissions.jsonl'));
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [source, { record, line }] of expected) {
      expect(actual.get(source)!.record, source).toEqual(record);
      expect(actual.get(source)!.line, source).toBe(line);
    }
    // The scans went through the OCR queue; of the two copies, the later in discovery order is flagged.
    expect(actual.get('2023/harstad-rus-clean-skannet')!.record.documents[0]!.method).toBe('ocr');
    const flagged = [...actual.values()].filter(({ record }) =>
      record.findings.some((f) => f.code === 'DUPLICATE_DOCUMENT'),
    );
    expect(flagged.map(({ record }) => record.source)).toEqual(['2023/alesund-voksne-late']);
  });

  it('writes the same records to the store from `intake ingest` as to its submissions.jsonl', async () => {
    const exportOut = await mkdtemp(join(tmpdir(), 'intake-export-out-'));
    await intake(['export', '--out', exportOut], ingestRun.env);
    const written = await readRecords(join(ingestOut, 'submissions.jsonl'));
    const stored = await readRecords(join(exportOut, 'submissions.jsonl'));
    expect(stored).toEqual(written);
  });

  it('makes no second record or job when the same bytes are enqueued again', async () => {
    const again = await intake(['enqueue', archive], queueRun.env);
    expect(again).toMatch(/9 innsendinger, 0 lagt i kø, 9 var allerede behandlet/);
    await intake(['status', '--wait'], queueRun.env);
    const out = await mkdtemp(join(tmpdir(), 'intake-queue-out-'));
    await intake(['export', '--out', out], queueRun.env);
    expect((await readRecords(join(out, 'submissions.jsonl'))).size).toBe(9);
  });

  it('drains on SIGTERM: the workers finish and exit 0', async () => {
    const codes = await Promise.all(workers.map((w) => w.stop()));
    expect(codes).toEqual([0, 0]);
    workers = [];
  });
});
