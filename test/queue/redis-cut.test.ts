import { Redis } from 'ioredis';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  '2023/alesund-voksne-late',
  '2023/bodo-rus-late',
  '2023/larvik-rus-ineligible-cost',
  '2024/vadso-rus-report-zip.zip',
  '2024/halden-nav-ineligible-cost',
];

/**
 * Cuts every Redis connection of the given worker processes (CLIENT KILL by connection name and
 * our key prefix): on a shared machine this is safe where shutting Redis down would not be.
 */
async function cutConnections(redis: Redis, prefix: string, pids: number[]): Promise<number> {
  const list = (await redis.client('LIST')) as string;
  const ids = list
    .split('\n')
    .map((line) => ({ id: /\bid=(\d+)/.exec(line)?.[1], name: /\bname=(\S*)/.exec(line)?.[1] ?? '' }))
    .filter(
      ({ name }) => name.startsWith(`${prefix}:`) || pids.some((pid) => name === `intake-worker-${pid}`),
    );
  for (const { id } of ids) await redis.client('KILL', 'ID', id!);
  return ids.length;
}

describe('Redis connections cut during a run', { timeout: 600_000 }, () => {
  let q: QueueEnv;
  let workers: WorkerProcess[] = [];
  beforeAll(async () => {
    await requirePostgres();
    await requireRedis();
    q = await queueEnv('redis_cut');
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await q?.cleanup();
  });

  it('completes the run once the connections are back, nothing lost or duplicated', async () => {
    const archive = await sampleArchive(SAMPLES);
    workers = await Promise.all([startWorker(q.env), startWorker(q.env)]);
    const pids = workers.map((w) => w.child.pid!);
    await intake(['enqueue', archive], q.env);
    const store = await Store.open({ databaseUrl: DATABASE_URL, dataDir: tmpdir(), schema: q.schema });
    const admin = new Redis(REDIS_URL);
    try {
      await waitFor('the first finished submission', async () =>
        (await store.batches())[0]!.done > 0 ? true : undefined,
      );
      let cut = 0;
      for (let round = 0; round < 3; round++) {
        cut += await cutConnections(admin, q.prefix, pids);
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(cut).toBeGreaterThan(0);
      await intake(['status', '--wait'], q.env);

      const out = await mkdtemp(join(tmpdir(), 'intake-cut-out-'));
      await intake(['export', '--out', out], q.env);
      const records = await readRecords(join(out, 'submissions.jsonl'));
      expect([...records.keys()].sort()).toEqual([...SAMPLES].sort());
      const counts = await store.validationCounts();
      expect(counts.size).toBe(SAMPLES.length);
      expect([...counts.values()].every((n) => n >= 1)).toBe(true);
      const batch = (await store.batches())[0]!;
      expect(batch).toMatchObject({ total: SAMPLES.length, done: SAMPLES.length, failed: 0, pending: 0 });
    } finally {
      admin.disconnect();
      await store.close();
    }
  });
});
