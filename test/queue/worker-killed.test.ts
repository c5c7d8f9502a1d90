import { Queue, QueueEvents } from 'bullmq';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '../../src/queue/job-definitions.ts';
import { Store } from '../../src/store/store.ts';
import { DATABASE_URL, REDIS_URL, requirePostgres, requireRedis } from './support/services.ts';
import {
  intake,
  queueEnv,
  readRecords,
  sampleArchive,
  startWorker,
  waitFor,
  type QueueEnv,
  type WorkerProcess,
} from './support/queue-run.ts';

const SAMPLES = [
  '2023/harstad-rus-clean-skannet',
  '2024/ostre-toten-invalid-orgnr-skannet',
  '2025/hamar-tryggest-clean-skannet',
  '2023/bodo-rus-late',
];

describe('a worker killed in the middle of an OCR job', { timeout: 600_000 }, () => {
  let q: QueueEnv;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    await requirePostgres();
    await requireRedis();
    q = await queueEnv('killed');
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await q?.cleanup();
  });

  it('has its job run again by another worker, and every submission completes exactly once', async () => {
    const archive = await sampleArchive(SAMPLES);
    const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
    const ocr = new Queue(QUEUE_NAMES.ocr, { connection, prefix: q.prefix });
    const events = new QueueEvents(QUEUE_NAMES.ocr, { connection, prefix: q.prefix });
    try {
      await events.waitUntilReady();
      const first = await startWorker(q.env);
      workers.push(first);
      await intake(['enqueue', archive], q.env);
      const job = await waitFor('an active OCR job', async () => (await ocr.getJobs(['active']))[0]);

      first.child.kill('SIGKILL');
      const killedAt = Date.now();
      const pickedUp = new Promise<number>((done) =>
        events.on('active', ({ jobId }) => jobId === job.id && done(Date.now() - killedAt)),
      );
      workers.push(await startWorker(q.env));
      // Measured, not asserted (timing belongs in the README): lock expiry + one stalled check.
      console.log(`OCR job ${job.id} picked up again ${await pickedUp} ms after SIGKILL`);

      await intake(['status', '--wait'], q.env);
    } finally {
      await events.close();
      await ocr.close();
    }

    const out = await mkdtemp(join(tmpdir(), 'intake-killed-out-'));
    await intake(['export', '--out', out], q.env);
    const records = await readRecords(join(out, 'submissions.jsonl'));
    expect([...records.keys()].sort()).toEqual([...SAMPLES].sort());
    for (const scan of SAMPLES.filter((s) => s.endsWith('-skannet'))) {
      expect(
        records.get(scan)!.record.documents.every((d) => d.method === 'ocr'),
        scan,
      ).toBe(true);
    }
    const store = await Store.open({ databaseUrl: DATABASE_URL, dataDir: tmpdir(), schema: q.schema });
    try {
      expect([...(await store.validationCounts()).values()]).toEqual(SAMPLES.map(() => 1));
    } finally {
      await store.close();
    }
  });
});
