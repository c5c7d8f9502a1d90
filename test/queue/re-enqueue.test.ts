import { Queue, UnrecoverableError, Worker } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/pipeline/extractor-version.ts';
import { QUEUE_NAMES } from '../../src/queue/job-definitions.ts';
import { DATABASE_URL, REDIS_URL, requirePostgres, requireRedis } from './support/services.ts';
import { intake, queueEnv, sampleArchive, startWorker, waitFor, type QueueEnv } from './support/queue-run.ts';

/**
 * Enqueuing an archive again is how a queued run resumes: done submissions are skipped, and a
 * submission whose flow failed, or that an older extractor version did, is put on the queues again.
 */
describe('enqueuing an archive again', { timeout: 300_000 }, () => {
  let q: QueueEnv;
  let db: pg.Client;
  beforeAll(async () => {
    await requirePostgres();
    await requireRedis();
    q = await queueEnv('reenqueue');
    db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await q?.cleanup();
  });

  const submission = async () =>
    (
      await db.query<{ state: string; extractor_version: string | null }>(
        `SELECT state, extractor_version FROM ${q.schema}.submissions`,
      )
    ).rows;

  it('runs a failed flow and a stale extractor version again, and skips what is done', async () => {
    const archive = await sampleArchive(['2023/bodo-rus-late']);
    const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
    const submissions = new Queue(QUEUE_NAMES.submissions, { connection, prefix: q.prefix });
    try {
      expect(await intake(['enqueue', archive], q.env)).toMatch(/1 innsendinger, 1 lagt i kø/);

      // A document worker that breaks: the flow fails for good (as after its last attempt). BullMQ
      // fails the parent when a submissions worker takes it up (a deferred failure).
      const breaking = [
        new Worker(QUEUE_NAMES.documents, () => Promise.reject(new UnrecoverableError('test: broken')), {
          connection,
          prefix: q.prefix,
        }),
        new Worker(QUEUE_NAMES.submissions, () => Promise.reject(new Error('test: never run')), {
          connection,
          prefix: q.prefix,
        }),
      ];
      const [parent] = await waitFor('the failed flow', async () => {
        const failed = await submissions.getJobs(['failed']);
        return failed.length > 0 ? failed : undefined;
      });
      await Promise.all(breaking.map((w) => w.close()));
      expect((await submission())[0]!.state).not.toBe('done');

      expect(await intake(['enqueue', archive], q.env)).toMatch(/1 innsendinger, 1 lagt i kø/);
      const worker = await startWorker(q.env);
      try {
        await waitFor('the submission done', async () =>
          (await submission())[0]?.state === 'done' ? true : undefined,
        );
        // The store says done when the check job saves its record; BullMQ marks the job completed
        // just after it returns, so the job's state is awaited, not read at once.
        const state = async () => (await submissions.getJob(parent!.id!))!.getState();
        await waitFor(
          'the flow completed',
          async () => ((await state()) === 'active' ? undefined : true),
          30_000,
        );
        expect(await state()).toBe('completed');
        expect(await submission()).toEqual([{ state: 'done', extractor_version: EXTRACTOR_VERSION }]);

        // Unchanged: nothing to do.
        expect(await intake(['enqueue', archive], q.env)).toMatch(
          /1 innsendinger, 0 lagt i kø, 1 var allerede behandlet/,
        );

        // Done by an older extractor: read again.
        await db.query(`UPDATE ${q.schema}.submissions SET extractor_version = '2000.1'`);
        expect(await intake(['enqueue', archive], q.env)).toMatch(/1 innsendinger, 1 lagt i kø/);
        await waitFor('the submission read again', async () => {
          const [row] = await submission();
          return row?.state === 'done' && row.extractor_version === EXTRACTOR_VERSION ? true : undefined;
        });
      } finally {
        await worker.stop();
      }
    } finally {
      await submissions.close();
    }
  });
});
