import { fileURLToPath } from 'node:url';

/** Where the blobs of a deployment are, as `INTAKE_BLOB_URL` names it. */
export type BlobLocation =
  | { kind: 'file'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      /** Key prefix without slashes at either end; '' for the bucket's root. */
      prefix: string;
    };

/** How to reach an S3-compatible service; credentials come from the AWS SDK's usual chain. */
export interface S3Connection {
  /** `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL` (MinIO, Ceph, …); null for AWS itself. */
  endpoint: string | null;
  region: string;
  /** `bucket` in the path rather than the host name, as MinIO and Ceph expect. */
  forcePathStyle: boolean;
}

const EXPECTED = 'INTAKE_BLOB_URL må være file:///mappe eller s3://bøtte/prefiks';
// S3's bucket naming rules: 3–63 lower-case letters, digits, dots and hyphens.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[\w.!*'()-]+$/;

/**
 * Reads `INTAKE_BLOB_URL`: `file:///abs/path` or `s3://bucket/prefix`. Returns a Norwegian message
 * naming what is wrong instead of a location, so the settings can list it with the other problems.
 */
export function parseBlobUrl(url: string): BlobLocation | { problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `${EXPECTED}, ikke «${url}»` };
  }
  if (parsed.search || parsed.hash) {
    return { problem: `${EXPECTED}, uten ? eller # («${url}»)` };
  }
  if (parsed.protocol === 'file:') {
    if (parsed.hostname !== '' && parsed.hostname !== 'localhost') {
      return { problem: `file-adressen i INTAKE_BLOB_URL kan ikke peke på en annen maskin («${url}»)` };
    }
    const dir = fileURLToPath(parsed).replace(/\/+$/, '');
    if (dir === '') return { problem: `INTAKE_BLOB_URL kan ikke være rotmappen («${url}»)` };
    return { kind: 'file', dir };
  }
  if (parsed.protocol === 's3:') {
    if (parsed.username || parsed.password || parsed.port) {
      return {
        problem: `INTAKE_BLOB_URL skal ikke ha brukernavn, passord eller port; bruk AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY og AWS_ENDPOINT_URL_S3 («${url}»)`,
      };
    }
    const bucket = parsed.hostname;
    if (!BUCKET.test(bucket)) {
      return {
        problem: `ugyldig bøttenavn «${bucket}» i INTAKE_BLOB_URL: 3–63 små bokstaver, sifre, punktum og bindestrek`,
      };
    }
    // From the text as written: URL parsing would quietly resolve `a/../b` to `b`.
    const segments = url
      .split('/')
      .slice(3)
      .flatMap((s) => safeDecode(s).split('/'))
      .filter(Boolean);
    const bad = segments.find((s) => s === '.' || s === '..' || !PREFIX_SEGMENT.test(s));
    if (bad !== undefined) {
      return { problem: `ugyldig del «${bad}» i prefikset til INTAKE_BLOB_URL («${url}»)` };
    }
    return { kind: 's3', bucket, prefix: segments.join('/') };
  }
  return { problem: `${EXPECTED}, ikke «${parsed.protocol}»-adresse («${url}»)` };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray % then fails the segment check, with the segment named
  }
}
