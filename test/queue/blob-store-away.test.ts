import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3Server } from '../support/s3-server.ts';
import { requirePostgres, requireRedis } from './support/services.ts';
import { intake, queueEnv, root, sampleArchive, type QueueEnv } from './support/queue-run.ts';

/** Runs `intake ARGS…` and waits for it to exit by itself; its exit code and output. */
async function exitOf(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(root, 'bin/intake.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  clearTimeout(timer);
  return { code, output };
}

// The object store named by INTAKE_BLOB_URL has no such bucket: nothing may be queued as if the
// files were unreadable, and no worker may start taking jobs it cannot read.
describe('a blob store that cannot be used', { timeout: 300_000 }, () => {
  let q: QueueEnv;
  let s3: S3Server;
  let env: Record<string, string>;
  beforeAll(async () => {
    await requirePostgres();
    await requireRedis();
    s3 = await startS3Server();
    q = await queueEnv('blobaway');
    env = { ...q.env, ...s3.env, INTAKE_BLOB_URL: 's3://finnes-ikke/blobs' };
  });
  afterAll(async () => {
    await q?.cleanup();
    await s3?.stop();
  });

  it('stops `intake enqueue` with an error instead of queueing the files as unreadable', async () => {
    const archive = await sampleArchive(['2023/bodo-rus-late']);
    const result = await exitOf(['enqueue', archive], env);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('finnes-ikke');
    expect(result.output).not.toMatch(/lagt i kø/);
  });

  it('makes a worker exit at start, naming the bucket, before it takes a job', async () => {
    const result = await exitOf(['worker'], env);
    expect(result.code).toBe(2);
    expect(result.output).toContain('finnes-ikke');
    expect(result.output).not.toMatch(/klar/);
  });

  it('lets the same enqueue and worker run once the bucket is the right one', async () => {
    const archive = await sampleArchive(['2023/bodo-rus-late']);
    const out = await intake(['enqueue', archive], { ...env, INTAKE_BLOB_URL: `s3://${s3.bucket}/blobs` });
    expect(out).toMatch(/1 lagt i kø/);
  });
});
