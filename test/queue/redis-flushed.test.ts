import { Queue } from 'bullmq';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES, QUEUE_NAMES } from '../../src/queue/job-definitions.ts';
import { DATABASE_URL, REDIS_URL, deletePrefix, requirePostgres, requireRedis } from './support/services.ts';
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

// One scan (its OCR keeps the run going while Redis is flushed), the rest quick to read.
const SAMPLES = [
  '2023/harstad-rus-clean-skannet',
  '2023/alesund-voksne-late',
  '2023/bodo-rus-late',
  '2023/larvik-rus-ineligible-cost',
  '2024/vadso-rus-report-zip.zip',
  '2024/halden-nav-ineligible-cost',
];

/**
 * Redis losing its data mid-run (a restart without persistence). The Redis here is shared by
 * every test at once, so the flush is of this run's keys only: all of them, the deployment's id
 * included, which is what a FLUSHALL does to one deployment.
 */
describe('Redis flushed in the middle of a run', { timeout: 600_000 }, () => {
  let q: QueueEnv;
  let db: pg.Client;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    await requirePostgres();
    await requireRedis();
    q = await queueEnv('flushed', { INTAKE_RECONCILE_MS: '1000' });
    db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await db?.end();
    await q?.cleanup();
  });

  const counts = async () =>
    (
      await db.query<{ done: number; pending: number }>(
        `SELECT count(*) FILTER (WHERE state = 'done')::int AS done,
           count(*) FILTER (WHERE state = 'pending')::int AS pending FROM ${q.schema}.submissions`,
      )
    ).rows[0]!;

  it('completes every submission once, audit included, and a check run twice saves nothing new', async () => {
    const archive = await sampleArchive(SAMPLES);
    workers.push(await startWorker(q.env), await startWorker(q.env));
    await intake(['enqueue', archive], q.env);
    await waitFor('the first finished submission', async () =>
      (await counts()).done > 0 ? true : undefined,
    );
    const before = await counts();
    expect(before.pending).toBeGreaterThan(0);

    await deletePrefix(q.prefix);
    await intake(['status', '--wait'], q.env);

    const out = await mkdtemp(join(tmpdir(), 'intake-flushed-out-'));
    await intake(['export', '--out', out], q.env);
    const records = await readRecords(join(out, 'submissions.jsonl'));
    expect([...records.keys()].sort()).toEqual([...SAMPLES].sort());
    const once = async () =>
      (
        await db.query<{ id: string; validations: number; processed: number }>(
          `SELECT s.id, s.validations, (SELECT count(*) FROM ${q.schema}.audit_log a
             WHERE a.submission_id = s.id AND a.action = 'processed')::int AS processed
           FROM ${q.schema}.submissions s ORDER BY s.id`,
        )
      ).rows;
    const rows = await once();
    expect(rows).toHaveLength(SAMPLES.length);
    expect(rows.filter((r) => r.validations !== 1 || r.processed !== 1)).toEqual([]);
    expect(workers.map((w) => w.log()).join('')).toMatch(/uten jobb i køen .*: lagt inn på nytt/);

    // A check job run again after its submission is saved (as when Redis restores a finished job
    // from an append-only file): it completes, and saves no second record, validation or audit row.
    const submissions = new Queue(QUEUE_NAMES.submissions, {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: q.prefix,
    });
    try {
      const [{ id, batch_id }] = (
        await db.query<{ id: string; batch_id: string }>(
          `SELECT submission_id AS id, batch_id FROM ${q.schema}.batch_submissions LIMIT 1`,
        )
      ).rows as [{ id: string; batch_id: string }];
      const again = await submissions.add(
        JOB_NAMES.checkSubmission,
        { submissionId: id, batchId: batch_id },
        { jobId: `${id}-again` },
      );
      await waitFor('the repeated check', async () =>
        (await again.getState()) === 'completed' ? true : undefined,
      );
      expect(await once()).toEqual(rows);
    } finally {
      await submissions.close();
    }
    expect(await intake(['audit', 'verify'], q.env)).toMatch(/\S/);
  });
});
