import type { Settings } from '../config/settings.ts';
import { FileBlobStore, type BlobStore } from './blob-store.ts';

/** The deployment's blob store, as the settings name it (`INTAKE_BLOB_URL`, else the folder). */
export function openBlobStore(settings: Pick<Settings, 'blobLocation' | 's3'>): BlobStore {
  const location = settings.blobLocation;
  if (location.kind === 'file') return new FileBlobStore(location.dir);
  const { bucket, prefix } = location;
  // The AWS SDK is large: it loads when the store is first used, not at every command's start.
  let opened: Promise<BlobStore> | undefined;
  const store = () =>
    (opened ??= import('./s3-blob-store.ts').then(
      ({ S3BlobStore, createS3Client }) => new S3BlobStore(createS3Client(settings.s3), bucket, prefix),
    ));
  return {
    location: `s3://${bucket}/${prefix}`,
    put: async (bytes) => (await store()).put(bytes),
    putHashed: async (sha256, bytes) => (await store()).putHashed(sha256, bytes),
    has: async (sha256) => (await store()).has(sha256),
    get: async (sha256) => (await store()).get(sha256),
    probe: async () => (await store()).probe(),
  };
}
