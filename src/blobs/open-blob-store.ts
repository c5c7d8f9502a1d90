import type { Settings } from '../config/settings.ts';
import { FileBlobStore, type BlobStore } from './blob-store.ts';
import { S3BlobStore, createS3Client } from './s3-blob-store.ts';

/** The deployment's blob store, as the settings name it (`INTAKE_BLOB_URL`, else the folder). */
export function openBlobStore(settings: Pick<Settings, 'blobLocation' | 's3'>): BlobStore {
  const location = settings.blobLocation;
  if (location.kind === 'file') return new FileBlobStore(location.dir);
  return new S3BlobStore(createS3Client(settings.s3), location.bucket, location.prefix);
}
