import { FlowProducer, Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.ts';
import { QUEUE_NAMES, jobIds } from '../../src/queue/job-definitions.ts';
import { reconcileOnce, type ReconcilerDeps } from '../../src/queue/reconciler.ts';
import { deploymentKey } from '../../src/queue/deployment-check.ts';
import { Store } from '../../src/store/store.ts';
import {
  DATABASE_URL,
  REDIS_URL,
  deletePrefix,
  dropSchema,
  requirePostgres,
  requireRedis,
  uniqueName,
} from './support/services.ts';

const hex = (text: string, length: number) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

describe('the reconciler', () => {
  const schema = uniqueName('reconciler');
  const prefix = schema.replaceAll('_', '-');
  let store: Store;
  let redis: Redis;
  let flows: FlowProducer;
  let submissions: Queue;
  let deps: ReconcilerDeps;
  const logged: string[] = [];

  beforeAll(async () => {
    await requirePostgres();
    await requireRedis();
    store = await Store.open({ databaseUrl: DATABASE_URL, dataDir: tmpdir(), schema });
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    flows = new FlowProducer({ connection: redis, prefix });
    submissions = new Queue(QUEUE_NAMES.submissions, { connection: redis, prefix });
    const queue = { ...loadSettings({ INTAKE_QUEUE_PREFIX: prefix }).queue, reconcileMs: 200 };
    deps = { store, redis, flows, queue, log: (m) => logged.push(m), pageSize: 2 };
  });
  afterAll(async () => {
    await submissions?.close();
    await flows?.close();
    redis?.disconnect();
    await store?.close();
    await deletePrefix(prefix);
    await dropSchema(schema);
  });

  it('adds the flows of pending submissions Redis lost, page by page, and only once', async () => {
    const batchId = await store.createBatch(['/arkiv']);
    const ids = ['a', 'b', 'c', 'd', 'e'].map((s) => hex(s, 32));
    for (const [position, id] of ids.entries()) {
      await store.registerSubmission(batchId, position, {
        id,
        source: `soknad-${position}`,
        documents: [0, 1].map((d) => ({
          position: d,
          path: `${d}.pdf`,
          sha256: hex(`${id}-${d}`, 64),
          loadFailure: null,
        })),
      });
    }
    await store.finishBatch(batchId, ids.length);
    // One was read in part before Redis lost it: only its unread document is read again.
    await store.sql.query(`UPDATE documents SET state = 'done' WHERE submission_id = $1 AND position = 0`, [
      ids[0],
    ]);
    // One is done: no flow for it.
    await store.sql.query(`UPDATE submissions SET state = 'done' WHERE id = $1`, [ids[4]]);

    expect(await reconcileOnce(deps)).toBe(4);
    expect(logged).toEqual([
      '4 innsendinger ventet i lageret uten jobb i køen (har Redis mistet dataene?): lagt inn på nytt',
    ]);
    for (const id of ids.slice(0, 4)) {
      const job = await submissions.getJob(jobIds.submission(id));
      expect(job?.data).toEqual({ submissionId: id, batchId });
    }
    const children = async (id: string) =>
      Object.keys(
        (await (await submissions.getJob(jobIds.submission(id)))!.getDependencies()).unprocessed ?? {},
      );
    expect(await children(ids[0]!)).toHaveLength(1);
    expect(await children(ids[1]!)).toHaveLength(2);
    expect(await submissions.getJob(jobIds.submission(ids[4]!))).toBeUndefined();
    expect(await redis.get(deploymentKey(prefix))).toMatch(/^[0-9a-f-]{36}$/);

    // The next round, once the lock is gone, finds every flow in place.
    await new Promise((r) => setTimeout(r, 250));
    expect(await reconcileOnce(deps)).toBe(0);
  });
});
