import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type S3Server } from '../support/s3-server.ts';
import { requirePostgres, requireRedis } from './support/services.ts';
import { exitOf, intake, queueEnv, sampleArchive, type QueueEnv } from './support/queue-run.ts';

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
