import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Connection } from './blob-location.ts';
import { BlobError, blobKey, type BlobStore } from './blob-store.ts';

/**
 * Blobs in an S3-compatible object store (AWS S3, MinIO, Ceph), under `<prefix>/ab/cd/<sha256>`
 * as in the folder store, so every machine of a deployment reaches the same files over HTTP.
 * Objects are never overwritten: the key is the content's hash, so a stored key holds its bytes.
 */
export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    readonly prefix: string,
  ) {}

  get location(): string {
    return `s3://${this.bucket}/${this.prefix}`;
  }

  /** Stores the bytes (unless already there); returns their sha256. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.putHashed(sha256, bytes);
    return sha256;
  }

  /**
   * Stores bytes whose sha256 the caller has computed; false when they were there already. A HEAD
   * first spares the upload of a file already stored; `If-None-Match: *` makes a server that knows
   * conditional writes refuse the second of two machines storing the same bytes at once, which
   * counts as stored (a server that does not know it overwrites with the same bytes: no harm).
   */
  async putHashed(sha256: string, bytes: Buffer): Promise<boolean> {
    const key = this.keyOf(sha256);
    if (await this.has(sha256)) return false;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: 'application/octet-stream',
          IfNoneMatch: '*',
          // The server checks the upload against it (S3, MinIO): bytes damaged on the way are refused.
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
      return true;
    } catch (error) {
      const status = statusOf(error);
      // 412: another writer stored it first; 409: another conditional write of it is under way.
      if (status === 412) return false;
      if (status === 409 && (await this.has(sha256))) return false;
      throw this.bucketMissing(error) ?? error;
    }
  }

  /** Whether a blob is stored (a HEAD request, without reading it). */
  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  /**
   * The bytes of a stored blob, checked against their hash. The body is read as a stream into the
   * hash and the one buffer that is returned, so a large file is held in memory once.
   */
  async get(sha256: string): Promise<Buffer> {
    const key = this.keyOf(sha256);
    let body: Readable;
    try {
      const reply = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      body = reply.Body as Readable;
    } catch (error) {
      if (nameOf(error) === 'NoSuchKey') {
        throw new BlobError(`fant ikke filen ${sha256} i ${this.location}`, 'BLOB_MISSING', {
          sha256,
          location: this.location,
        });
      }
      throw this.bucketMissing(error) ?? error;
    }
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    for await (const chunk of body) {
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
    if (hash.digest('hex') !== sha256) {
      throw new BlobError(`filen ${sha256} i ${this.location} er skadet (feil sha256)`, 'BLOB_CORRUPT', {
        sha256,
        location: this.location,
      });
    }
    return Buffer.concat(chunks);
  }

  /** The bucket is there and these credentials may see it (a HEAD of the bucket). */
  async probe(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      if (statusOf(error) === 404) throw this.bucketMissing(error, true)!;
      throw error;
    }
  }

  /** A missing bucket is the deployment's mistake, not a missing file: said so, by name. */
  private bucketMissing(error: unknown, known = false): BlobError | null {
    if (!known && nameOf(error) !== 'NoSuchBucket') return null;
    return new BlobError(
      `bøtta «${this.bucket}» finnes ikke i objektlageret (INTAKE_BLOB_URL=${this.location}); opprett den først`,
      'BLOB_BUCKET_MISSING',
      { bucket: this.bucket },
    );
  }

  /** The object key of a blob: `<prefix>/ab/cd/<sha256>`. */
  keyOf(sha256: string): string {
    const key = blobKey(sha256);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }
}

/**
 * An S3 client for a connection. Credentials from the SDK's chain (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY, a profile, an instance role) unless given.
 */
export function createS3Client(
  connection: S3Connection,
  credentials?: { accessKeyId: string; secretAccessKey: string },
): S3Client {
  // The SDK warns on Node 20 that releases after January 2027 will need Node 22; the locked version
  // runs on Node 20 (README "Packages"), so the warning would only be noise on every worker's start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new S3Client({
    region: connection.region,
    forcePathStyle: connection.forcePathStyle,
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    // Without these a store that stops answering holds a worker's job for ever (its lock is renewed
    // while it waits). 60 s without a byte, not 60 s in all: a large file may take longer. A failed
    // attempt is retried by the SDK, then by the job's own retries.
    requestHandler: { connectionTimeout: 10_000, socketTimeout: 60_000 },
    // Our own SHA-256 covers integrity; the SDK's default CRC32 trailers trip some S3-compatibles.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

function nameOf(error: unknown): string | undefined {
  return error instanceof S3ServiceException ? error.name : undefined;
}
