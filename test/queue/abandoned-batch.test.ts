import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, requirePostgres, requireRedis } from './support/services.ts';
import {
  copyInto,
  intake,
  queueEnv,
  readRecords,
  root,
  startWorker,
  type QueueEnv,
  type WorkerProcess,
} from './support/queue-run.ts';

const COPIES = 20;

describe('an enqueue killed halfway', { timeout: 600_000 }, () => {
  let q: QueueEnv;
  let db: pg.Client;
  let worker: WorkerProcess | undefined;
  beforeAll(async () => {
    await requirePostgres();
    await requireRedis();
    // Beats every 300 ms (abandoned after 900 ms without one); the reconciler looks every second.
    q = await queueEnv('abandoned', { INTAKE_BATCH_HEARTBEAT_MS: '300', INTAKE_RECONCILE_MS: '1000' });
    db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.end();
    await q?.cleanup();
  });

  const registered = async (): Promise<number> => {
    try {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${q.schema}.batch_submissions`,
      );
      return rows[0]!.n;
    } catch {
      return 0; // the enqueue has not created the store's tables yet
    }
  };

  it('is named by status --wait, which returns non-zero, and a second enqueue completes its batch', async () => {
    // Many small submissions (copies of one digital sample under other names), so the enqueue
    // takes long enough to be stopped in the middle.
    const archive = await mkdtemp(join(tmpdir(), 'intake-archive-'));
    for (let i = 0; i < COPIES; i++)
      await copyInto(archive, '2023/bodo-rus-late', `soknad-${String(i).padStart(2, '0')}`);
    worker = await startWorker(q.env);

    const enqueue = spawn(process.execPath, [join(root, 'bin/intake.js'), 'enqueue', archive], {
      cwd: root,
      env: { ...process.env, ...q.env },
      stdio: 'ignore',
    });
    const exited = new Promise((done) => enqueue.once('exit', done));
    // Frozen as soon as it has registered a few, then killed: no cleanup of its own runs.
    for (;;) {
      const n = await registered();
      if (n >= 3) break;
      if (enqueue.exitCode !== null) throw new Error('enqueue finished before it could be stopped');
      await new Promise((r) => setTimeout(r, 10));
    }
    enqueue.kill('SIGSTOP');
    enqueue.kill('SIGKILL');
    await exited;
    // A commit it sent just before it stopped may still land: count once the count holds still.
    let registeredAtKill = -1;
    for (let n = await registered(); n !== registeredAtKill; n = await registered()) {
      registeredAtKill = n;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(registeredAtKill).toBeLessThan(COPIES);

    const [batch] = (await db.query<{ id: string }>(`SELECT id FROM ${q.schema}.batches`)).rows;
    const status = await intake(['status', '--wait'], q.env).then(
      () => {
        throw new Error('status --wait returned 0 with an abandoned batch');
      },
      (error: Error) => error.message,
    );
    expect(status).toMatch(/exited 2/);
    expect(status).toContain(
      `bunt ${batch!.id.slice(0, 8)} (${archive}) ble avbrutt etter ${registeredAtKill} registrerte`,
    );
    expect(status).toContain(`kjør \`intake enqueue ${archive}\` på nytt`);

    // The second run takes the abandoned batch over and puts the rest on the queues.
    expect(await intake(['enqueue', archive], q.env)).toMatch(
      new RegExp(`^Bunt ${batch!.id}: ${COPIES} innsendinger`),
    );
    const done = await intake(['status', '--wait'], q.env);
    expect(done).not.toMatch(/avbrutt/);
    expect(done).toMatch(new RegExp(`${COPIES} ferdige, 0 feilet, 0 venter av ${COPIES}`));

    const out = await mkdtemp(join(tmpdir(), 'intake-abandoned-out-'));
    await intake(['export', '--out', out], q.env);
    expect((await readRecords(join(out, 'submissions.jsonl'))).size).toBe(COPIES);
    const { rows } = await db.query<{ batches: number; validations: number; processed: number }>(
      `SELECT (SELECT count(*) FROM ${q.schema}.batches)::int AS batches,
         (SELECT count(*) FROM ${q.schema}.submissions WHERE validations <> 1)::int AS validations,
         (SELECT count(*) FROM ${q.schema}.audit_log WHERE action = 'processed')::int AS processed`,
    );
    expect(rows[0]).toEqual({ batches: 1, validations: 0, processed: COPIES });
  });
});
