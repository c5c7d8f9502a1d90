import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, jobIds } from '../../src/queue/job-definitions.ts';
import {
  DATABASE_URL,
  REDIS_URL,
  dropSchema,
  requirePostgres,
  requireRedis,
  uniqueName,
} from './support/services.ts';
import {
  exitOf,
  intake,
  queueEnv,
  sampleArchive,
  startWorker,
  waitFor,
  type QueueEnv,
  type WorkerProcess,
} from './support/queue-run.ts';

/** Runs `intake worker` and waits for it to exit by itself. */
const workerExit = (env: Record<string, string>) => exitOf(['worker'], env, 60_000);

describe('a worker on another deployment’s store', { timeout: 300_000 }, () => {
  let q: QueueEnv;
  let db: pg.Client;
  const otherSchema = uniqueName('wrong_store');
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    await requirePostgres();
    await requireRedis();
    q = await queueEnv('deployment');
    db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await db?.end();
    await dropSchema(otherSchema);
    await q?.cleanup();
  });

  it('exits at start with code 2, naming both ids and what to check', async () => {
    workers.push(await startWorker(q.env)); // the deployment: its store's id goes into Redis
    const [{ id }] = (await db.query<{ id: string }>(`SELECT id FROM ${q.schema}.deployment`)).rows as [
      { id: string },
    ];

    // Same Redis and queue prefix, another schema: another deployment's store.
    const wrong = await workerExit({ ...q.env, INTAKE_DB_SCHEMA: otherSchema });
    const [{ id: otherId }] = (await db.query<{ id: string }>(`SELECT id FROM ${otherSchema}.deployment`))
      .rows as [{ id: string }];
    expect(otherId).not.toBe(id);
    expect(wrong.code).toBe(2);
    expect(wrong.output).toContain(`lageret (DATABASE_URL, INTAKE_DB_SCHEMA) har id ${otherId}`);
    expect(wrong.output).toContain(`køene i Redis (REDIS_URL, INTAKE_QUEUE_PREFIX=${q.prefix}) har id ${id}`);
    expect(wrong.output).not.toMatch(/klar/);

    // enqueue against the wrong store is refused too, before it puts anything on the queues.
    const archive = await sampleArchive(['2023/bodo-rus-late']);
    await expect(intake(['enqueue', archive], { ...q.env, INTAKE_DB_SCHEMA: otherSchema })).rejects.toThrow(
      /exited 2[\s\S]*hører til ulike installasjoner/,
    );
  });

  it('fails a document whose blob is missing at once, with one logged line, and marks its submission failed', async () => {
    const archive = await sampleArchive(['2023/bodo-rus-late']);
    // No worker of this test takes jobs while the blob is taken away.
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await intake(['enqueue', archive], q.env);
    const blobs = join(q.env.INTAKE_DATA_DIR!, 'blobs');
    const [{ id: submissionId, sha256 }] = (
      await db.query<{ id: string; sha256: string }>(
        `SELECT submission_id AS id, sha256 FROM ${q.schema}.documents ORDER BY position LIMIT 1`,
      )
    ).rows as [{ id: string; sha256: string }];
    const files = await readdir(blobs, { recursive: true });
    const blob = files.find((f) => f.endsWith(sha256));
    expect(blob).toBeDefined();
    await rm(join(blobs, blob!));

    const worker = await startWorker(q.env);
    workers.push(worker);
    const state = await waitFor('the submission failed', async () => {
      const { rows } = await db.query<{ state: string; error: string | null }>(
        `SELECT state, error FROM ${q.schema}.submissions WHERE id = $1`,
        [submissionId],
      );
      return rows[0]?.state === 'failed' ? rows[0] : undefined;
    });
    expect(state.error).toContain(`filen ${sha256} finnes ikke i blob-lageret`);
    const documents = new Queue(QUEUE_NAMES.documents, {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: q.prefix,
    });
    try {
      const job = await documents.getJob(jobIds.document(submissionId, 0));
      expect(job?.attemptsMade).toBe(1);
    } finally {
      await documents.close();
    }
    expect(worker.log().match(/finnes ikke i blob-lageret/g)).toHaveLength(1);
  });
});
