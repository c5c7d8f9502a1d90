import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../src/blobs/s3-blob-store.ts';
import { startS3Server, type S3Server } from '../support/s3-server.ts';
import { requirePostgres, requireRedis } from './support/services.ts';
import {
  intake,
  queueEnv,
  readRecords,
  sampleArchive,
  startWorker,
  type QueueEnv,
  type WorkerProcess,
} from './support/queue-run.ts';

/** A scan (the OCR queue reads its blob too), a zip, an unreadable file and a clean report. */
const SAMPLES = [
  '2023/harstad-rus-clean-skannet',
  '2024/vadso-rus-report-zip.zip',
  '2023/rana-rus-unreadable-encrypted',
  '2024/bergen-voksne-report-clean',
];

// The same comparison as queue-matches-ingest.test.ts, with the queue run's files on an S3 server
// (s3rver) instead of a folder: the workers share nothing with `intake enqueue` but Redis,
// PostgreSQL and the object store, as on separate machines.
describe(
  'the queues with blobs on an S3 server against the in-process pipeline',
  { timeout: 600_000 },
  () => {
    let s3: S3Server;
    let archive: string;
    let ingestRun: QueueEnv;
    let queueRun: QueueEnv;
    let workers: WorkerProcess[] = [];
    let ingestOut: string;
    const prefix = `queue-${process.pid}/blobs`;

    beforeAll(async () => {
      await requirePostgres();
      await requireRedis();
      s3 = await startS3Server();
      archive = await sampleArchive(SAMPLES);
      ingestRun = await queueEnv('ingest_s3ref');
      queueRun = await queueEnv('queue_s3', { ...s3.env, INTAKE_BLOB_URL: `s3://${s3.bucket}/${prefix}` });
      ingestOut = await mkdtemp(join(tmpdir(), 'intake-ingest-out-'));
      await intake(['ingest', archive, '--out', ingestOut], ingestRun.env);
    }, 600_000);
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await ingestRun?.cleanup();
      await queueRun?.cleanup();
      await s3?.stop();
    });

    it('gives the same records from two worker processes as `intake ingest`, field by field', async () => {
      const expected = await readRecords(join(ingestOut, 'submissions.jsonl'));
      expect(expected.size).toBe(SAMPLES.length);

      workers = await Promise.all([startWorker(queueRun.env), startWorker(queueRun.env)]);
      const enqueued = await intake(['enqueue', archive], queueRun.env);
      expect(enqueued).toMatch(new RegExp(`${SAMPLES.length} innsendinger, ${SAMPLES.length} lagt i kø`));
      const status = await intake(['status', '--wait'], queueRun.env);
      expect(status).toMatch(/4 ferdige, 0 feilet, 0 venter av 4/);

      const queueOut = await mkdtemp(join(tmpdir(), 'intake-queue-out-'));
      await intake(['export', '--out', queueOut], queueRun.env);
      const actual = await readRecords(join(queueOut, 'submissions.jsonl'));
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [source, { record, line }] of expected) {
        expect(actual.get(source)!.record, source).toEqual(record);
        expect(actual.get(source)!.line, source).toBe(line);
      }
      expect(actual.get('2023/harstad-rus-clean-skannet')!.record.documents[0]!.method).toBe('ocr');
    });

    it('kept the submitted files in the bucket, and none in the data folder', async () => {
      const store = new S3BlobStore(s3.client(), s3.bucket, prefix);
      // A zip submission is stored as its entries, so only the plain files are looked up by their bytes.
      const files = (await readdir(archive, { recursive: true, withFileTypes: true })).filter(
        (e) => e.isFile() && !e.name.endsWith('.zip'),
      );
      expect(files.length).toBeGreaterThanOrEqual(SAMPLES.length - 1);
      for (const file of files) {
        const bytes = await readFile(join(file.parentPath, file.name));
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        expect(await store.has(sha256), file.name).toBe(true);
      }
      expect(existsSync(join(queueRun.env.INTAKE_DATA_DIR!, 'blobs'))).toBe(false);
    });

    it('drains on SIGTERM: the workers finish and exit 0', async () => {
      const codes = await Promise.all(workers.map((w) => w.stop()));
      expect(codes).toEqual([0, 0]);
      workers = [];
    });
  },
);
