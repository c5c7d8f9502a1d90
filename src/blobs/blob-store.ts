import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IntakeError } from '../errors.ts';

export class BlobError extends IntakeError {
  constructor(
    message: string,
    code: 'BLOB_MISSING' | 'BLOB_CORRUPT' | 'BLOB_INVALID' | 'BLOB_BUCKET_MISSING',
    details = {},
  ) {
    super(message, code, details);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Uploaded files, stored once and addressed by their SHA-256, so a job names a hash instead of
 * carrying bytes. Every machine of a deployment (web, workers, `intake ingest`) must see the same
 * store: a folder (`FileBlobStore`) or an S3 bucket (`S3BlobStore`), see `openBlobStore`.
 */
export interface BlobStore {
  /** Where the blobs are, for messages and logs. */
  readonly location: string;
  /** Stores the bytes (unless already there); returns their sha256. */
  put(bytes: Buffer): Promise<string>;
  /** Stores bytes whose sha256 the caller has computed; false when they were there already. */
  putHashed(sha256: string, bytes: Buffer): Promise<boolean>;
  /** Whether a blob is stored (without reading it). */
  has(sha256: string): Promise<boolean>;
  /** The bytes of a stored blob, checked against their hash (BLOB_MISSING / BLOB_CORRUPT). */
  get(sha256: string): Promise<Buffer>;
  /** Throws when the store cannot be used: a folder that cannot be written, a bucket not there. */
  probe(): Promise<void>;
}

/**
 * Blobs in a folder, under `<dir>/ab/cd/<sha256>`: a folder that several machines can share only
 * through a network volume. Writes go to a temporary file and are renamed into place, so a reader
 * never sees half a file and two machines storing the same bytes at once both succeed.
 */
export class FileBlobStore implements BlobStore {
  constructor(readonly dir: string) {}

  get location(): string {
    return this.dir;
  }

  /** Stores the bytes (unless already there); returns their sha256. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.putHashed(sha256, bytes);
    return sha256;
  }

  /**
   * Stores bytes whose sha256 the caller has just computed from them (a bulk run hashes every file
   * to name its submission): no second pass over the bytes. A blob already there is not written
   * again. `get` still checks the hash, so a wrong one is found, never served.
   */
  async putHashed(sha256: string, bytes: Buffer): Promise<boolean> {
    const path = this.pathOf(sha256);
    if (await exists(path)) return false;
    await mkdir(join(path, '..'), { recursive: true });
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return true;
  }

  /** Whether a blob is stored (without reading it). */
  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  /** The bytes of a stored blob, checked against their hash. */
  async get(sha256: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new BlobError(`fant ikke filen ${sha256} i ${this.dir}`, 'BLOB_MISSING', { sha256 });
      }
      throw error;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new BlobError(`filen ${sha256} i ${this.dir} er skadet (feil sha256)`, 'BLOB_CORRUPT', {
        sha256,
      });
    }
    return bytes;
  }

  /** The folder exists (made if need be) and this process may write in it. */
  async probe(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await access(this.dir, constants.W_OK);
  }

  pathOf(sha256: string): string {
    return join(this.dir, blobKey(sha256));
  }
}

/** A blob's place below the store's root, `ab/cd/<sha256>`, the same in every store. */
export function blobKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new BlobError(`ugyldig sha256: ${sha256}`, 'BLOB_INVALID');
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
