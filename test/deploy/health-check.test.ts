import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../src/config/settings.ts';
import { healthProblems } from '../../src/deploy/health-check.ts';
import { DATABASE_URL, REDIS_URL, requirePostgres, requireRedis } from '../queue/support/services.ts';
import { startS3Server, type S3Server } from '../support/s3-server.ts';

describe('the containers’ health check', () => {
  let s3: S3Server;
  let dir: string;
  beforeAll(async () => {
    await requireRedis();
    await requirePostgres();
    s3 = await startS3Server();
    // The SDK takes the keys from the environment, as in a container.
    for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
    dir = await mkdtemp(join(tmpdir(), 'intake-health-'));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await s3?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) =>
    loadSettings({
      ...s3.env,
      REDIS_URL,
      DATABASE_URL,
      INTAKE_DATA_DIR: dir,
      INTAKE_BLOB_URL: `s3://${s3.bucket}/blobs`,
      ...extra,
    });

  it('finds a worker healthy when Redis, PostgreSQL and the bucket answer', async () => {
    expect(await healthProblems(env(), 'worker')).toEqual([]);
  });

  it('names each service a worker cannot use', async () => {
    const problems = await healthProblems(
      env({
        REDIS_URL: 'redis://127.0.0.1:1',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test',
        INTAKE_BLOB_URL: 's3://finnes-ikke/blobs',
      }),
      'worker',
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^Redis: får ikke kontakt med Redis/);
    expect(problems[1]).toMatch(/^filene: bøtta «finnes-ikke» finnes ikke/);
    expect(problems[2]).toMatch(/^PostgreSQL: /);
  });

  it('finds the web container unhealthy when nothing serves its sign-in page', async () => {
    const problems = await healthProblems(env({ INTAKE_WEB_PORT: '1' }), 'web');
    expect(problems).toEqual([expect.stringMatching(/^nettløsningen: /)]);
  });
});
