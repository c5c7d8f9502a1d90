import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FileBlobStore, type BlobStore } from '../../src/blobs/blob-store.ts';
import { openBlobStore } from '../../src/blobs/open-blob-store.ts';
import { S3BlobStore } from '../../src/blobs/s3-blob-store.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { startS3Server, type S3Server } from '../support/s3-server.ts';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A store under test, with a way to damage what it keeps (as a disk or another program might). */
interface Subject {
  /** A fresh, empty store; a second call gives a second client of the same store (another machine). */
  open(): BlobStore;
  /** Overwrites a stored blob with other bytes, behind the store's back. */
  damage(sha256: string, bytes: Buffer): Promise<void>;
}

let s3: S3Server;
let folder: string;
beforeAll(async () => {
  s3 = await startS3Server();
  folder = await mkdtemp(join(tmpdir(), 'intake-blobs-'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await s3?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const s3Client = (): S3Client => s3.client();

const subjects: Array<[string, () => Subject]> = [
  [
    'the folder store',
    () => {
      const dir = join(folder, randomBytes(4).toString('hex'));
      return {
        open: () => new FileBlobStore(dir),
        damage: async (sha256, bytes) => {
          const path = new FileBlobStore(dir).pathOf(sha256);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, bytes);
        },
      };
    },
  ],
  [
    'the S3 store',
    () => {
      const prefix = `run-${randomBytes(4).toString('hex')}/blobs`;
      return {
        open: () => new S3BlobStore(s3Client(), s3.bucket, prefix),
        damage: async (sha256, bytes) => {
          const key = new S3BlobStore(s3Client(), s3.bucket, prefix).keyOf(sha256);
          await s3Client().send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: bytes }));
        },
      };
    },
  ],
];

describe.each(subjects)('%s', (_name, make) => {
  let subject: Subject;
  let store: BlobStore;
  beforeAll(() => {
    subject = make();
    store = subject.open();
  });

  it('returns the sha256 of what it stores, and gives the same bytes back', async () => {
    const bytes = Buffer.from('søknad om tilskudd, side 1');
    const sha256 = await store.put(bytes);
    expect(sha256).toBe(sha(bytes));
    expect(await store.get(sha256)).toEqual(bytes);
  });

  it('stores bytes once: a second putHashed of them says they were there', async () => {
    const bytes = randomBytes(1000);
    expect(await store.has(sha(bytes))).toBe(false);
    expect(await store.putHashed(sha(bytes), bytes)).toBe(true);
    expect(await store.putHashed(sha(bytes), bytes)).toBe(false);
    expect(await store.has(sha(bytes))).toBe(true);
  });

  it('lets two machines store the same bytes at once, and both succeed', async () => {
    const bytes = randomBytes(300_000);
    const machines = [subject.open(), subject.open(), subject.open(), subject.open()];
    const stored = await Promise.all(machines.map((m) => m.putHashed(sha(bytes), bytes)));
    expect(stored).toContain(true);
    for (const machine of machines) expect((await machine.get(sha(bytes))).equals(bytes)).toBe(true);
  });

  it('gives back a large file whole', async () => {
    const bytes = randomBytes(12 * 1024 * 1024);
    const sha256 = await store.put(bytes);
    expect((await store.get(sha256)).equals(bytes)).toBe(true);
  });

  it('says a blob is missing, naming it and where it looked', async () => {
    const missing = sha(Buffer.from('aldri lagret'));
    expect(await store.has(missing)).toBe(false);
    const error = await store.get(missing).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BLOB_MISSING' });
    expect((error as Error).message).toContain(`fant ikke filen ${missing} i ${store.location}`);
  });

  it('refuses to serve a blob whose bytes no longer match their hash', async () => {
    const bytes = Buffer.from('originalen');
    const sha256 = await store.put(bytes);
    await subject.damage(sha256, Buffer.from('noe annet'));
    const error = await store.get(sha256).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BLOB_CORRUPT' });
    expect((error as Error).message).toMatch(/er skadet \(feil sha256\)/);
  });

  it('answers a probe when it can be used', async () => {
    await expect(store.probe()).resolves.toBeUndefined();
  });

  it('refuses a name that is not a sha256 before touching storage', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'BLOB_INVALID' });
    await expect(store.has('ABC')).rejects.toMatchObject({ code: 'BLOB_INVALID' });
    await expect(store.putHashed('x', Buffer.from('x'))).rejects.toMatchObject({
      code: 'BLOB_INVALID',
    });
  });
});

describe('the S3 store on its server', () => {
  it('keeps a blob under <prefix>/ab/cd/<sha256>, as the folder store does', async () => {
    const store = new S3BlobStore(s3Client(), s3.bucket, 'deploy/blobs');
    const bytes = Buffer.from('nøkkelen');
    const sha256 = await store.put(bytes);
    const head = await s3Client().send(
      new HeadObjectCommand({
        Bucket: s3.bucket,
        Key: `deploy/blobs/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`,
      }),
    );
    expect(head.ContentLength).toBe(bytes.length);
    expect(store.location).toBe(`s3://${s3.bucket}/deploy/blobs`);
  });

  it('is what openBlobStore gives for an s3:// INTAKE_BLOB_URL, reaching the server from the settings', async () => {
    // The SDK takes the keys from the environment, as a deployment's processes do.
    for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
    const settings = loadSettings({ ...s3.env, INTAKE_BLOB_URL: `s3://${s3.bucket}/fra-innstillinger` });
    const store = openBlobStore(settings);
    expect(store.location).toBe(`s3://${s3.bucket}/fra-innstillinger`);
    const sha256 = await store.put(Buffer.from('via innstillingene'));
    const again = openBlobStore(settings);
    expect((await again.get(sha256)).toString()).toBe('via innstillingene');
    // Stored in the bucket under the prefix, as the S3 store lays keys out.
    expect(await new S3BlobStore(s3Client(), s3.bucket, 'fra-innstillinger').has(sha256)).toBe(true);
  });

  it('names the bucket when it does not exist, instead of calling the file missing', async () => {
    const store = new S3BlobStore(s3Client(), 'finnes-ikke', 'blobs');
    const error = await store.get(sha(Buffer.from('x'))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BLOB_BUCKET_MISSING' });
    expect((error as Error).message).toContain('bøtta «finnes-ikke» finnes ikke');
    await expect(store.put(Buffer.from('x'))).rejects.toMatchObject({ code: 'BLOB_BUCKET_MISSING' });
    await expect(store.probe()).rejects.toMatchObject({ code: 'BLOB_BUCKET_MISSING' });
  });

  it('is refused with an unknown access key, and stores nothing', async () => {
    const { S3Client: Client } = await import('@aws-sdk/client-s3');
    const intruder = new Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'UKJENT', secretAccessKey: 'S3RVER' },
    });
    const store = new S3BlobStore(intruder, s3.bucket, 'blobs');
    const bytes = Buffer.from('uten tilgang');
    await expect(store.put(bytes)).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    expect(await new S3BlobStore(s3Client(), s3.bucket, 'blobs').has(sha(bytes))).toBe(false);
  });
});
