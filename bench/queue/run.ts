/**
 * `npm run bench:queue [-- ARCHIVE]`: the same archive through `intake ingest` and through the
 * queues with one and with two worker processes, timed side by side and printed as ratios (queue
 * overhead against in-process; scaling from one worker to two). Default archive: the scanned
 * samples (OCR-heavy), BENCH_COPIES times over (default 4) under other names. Needs the Redis and PostgreSQL of DATABASE_URL /
 * REDIS_URL (defaults: the local ones); each run gets its own schema and key prefix, dropped afterwards.
 *
 * Each worker process is pinned to a core of its own (taskset), and `intake ingest` to one core:
 * one worker stands for one machine, so "two workers" measures what a second machine adds rather than
 * how two processes share cores that one process already partly uses (its reading and rendering run
 * beside its OCR thread).
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { BUNDLED_REGISTER_PATH } from '../../src/register/bundled-register.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/intake.js');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** One OCR engine per process, so one worker process is one core's worth of OCR, like ingest here. */
const OCR_WORKERS = process.env.INTAKE_OCR_WORKERS ?? '1';

/** Copies of each scanned sample in the default archive: enough work that the last document's tail is small. */
const COPIES = Number(process.env.BENCH_COPIES ?? 4);

async function scannedSamples(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'intake-bench-queue-'));
  for (const year of await readdir(join(root, 'samples'))) {
    for (const name of await readdir(join(root, 'samples', year))) {
      if (!name.endsWith('-skannet')) continue;
      for (let copy = 1; copy <= COPIES; copy++)
        await cp(join(root, 'samples', year, name), join(dir, `kopi-${copy}`, year, name), {
          recursive: true,
        });
    }
  }
  return dir;
}

const CORES = availableParallelism();
const hasTaskset = await run('taskset', ['-V']).then(
  () => true,
  () => false,
);

/** The command line for `intake ARGS…`, pinned to `core` when taskset is there. */
function pinned(core: number, args: string[]): [string, string[]] {
  const node = [bin, ...args];
  return hasTaskset
    ? ['taskset', ['-c', String(core % CORES), process.execPath, ...node]]
    : [process.execPath, node];
}

function envFor(label: string): { env: NodeJS.ProcessEnv; schema: string; prefix: string } {
  const schema = `bench_${label}_${process.pid}`;
  const prefix = schema.replaceAll('_', '-');
  return {
    schema,
    prefix,
    env: {
      ...process.env,
      DATABASE_URL,
      REDIS_URL,
      INTAKE_DB_SCHEMA: schema,
      INTAKE_QUEUE_PREFIX: prefix,
      INTAKE_DATA_DIR: join(tmpdir(), `intake-bench-${schema}`),
      INTAKE_OCR_WORKERS: OCR_WORKERS,
      INTAKE_MUNICIPALITIES: process.env.INTAKE_MUNICIPALITIES ?? BUNDLED_REGISTER_PATH,
    },
  };
}

async function cleanup(schema: string, prefix: string): Promise<void> {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.end();
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

async function timeIngest(archive: string): Promise<number> {
  const { env, schema, prefix } = envFor('ingest');
  const out = await mkdtemp(join(tmpdir(), 'intake-bench-out-'));
  const start = performance.now();
  await run(...pinned(0, ['ingest', archive, '--out', out]), { env, cwd: root });
  const ms = performance.now() - start;
  await cleanup(schema, prefix);
  return ms;
}

/** Starts N workers (not timed: a worker is started once and serves for months), then times enqueue → all done. */
async function timeQueue(archive: string, workers: number): Promise<number> {
  const { env, schema, prefix } = envFor(`queue${workers}`);
  const children = await Promise.all(
    Array.from({ length: workers }, async (_, i) => {
      const child = spawn(...pinned(i, ['worker']), {
        env,
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      await new Promise<void>((ready) =>
        child.stderr!.on('data', (d: Buffer) => /klar/.test(String(d)) && ready()),
      );
      return child;
    }),
  );
  const start = performance.now();
  await run(process.execPath, [bin, 'enqueue', archive], { env, cwd: root });
  await run(process.execPath, [bin, 'status', '--wait'], { env, cwd: root, maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  await Promise.all(children.map((c) => new Promise((done) => (c.once('exit', done), c.kill('SIGTERM')))));
  await cleanup(schema, prefix);
  return ms;
}

const archive = process.argv[2] ?? (await scannedSamples());
console.log(
  `archive: ${archive} (INTAKE_OCR_WORKERS=${OCR_WORKERS} per process; ` +
    `${hasTaskset ? 'each process pinned to one core' : 'taskset missing: processes not pinned'})`,
);
const ingestMs = await timeIngest(archive);
console.log(`intake ingest:            ${(ingestMs / 1000).toFixed(1)} s`);
const one = await timeQueue(archive, 1);
console.log(`queues, 1 worker process: ${(one / 1000).toFixed(1)} s`);
const two = await timeQueue(archive, 2);
console.log(`queues, 2 worker processes: ${(two / 1000).toFixed(1)} s`);
console.log(`queue overhead (1 worker / ingest): ${(one / ingestMs).toFixed(2)}`);
console.log(`scaling (1 worker / 2 workers):     ${(one / two).toFixed(2)}`);
