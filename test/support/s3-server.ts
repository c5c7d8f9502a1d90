import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../src/blobs/s3-blob-store.ts';

/** The part of s3rver's API the tests use (the package ships no types). */
interface S3rverServer {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string }>;
}) => S3rverServer;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

/** A real S3 HTTP server for one test file, with its bucket and the environment that reaches it. */
export interface S3Server {
  endpoint: string;
  bucket: string;
  /** What `intake` needs to use it: endpoint, region and s3rver's fixed credentials. */
  env: Record<string, string>;
  /** A client of this server, made as the product makes its own. */
  client(): S3Client;
  stop(): Promise<void>;
}

/**
 * Starts s3rver (an S3 server in Node that keeps objects in a folder) on a free port in a
 * temporary folder, with one bucket. It refuses an unknown access key (it does not check the
 * signatures themselves).
 */
export async function startS3Server(bucket = 'intake-test'): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'intake-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    },
    client: () =>
      createS3Client(
        { endpoint, region: 'us-east-1', forcePathStyle: true },
        { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      ),
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
