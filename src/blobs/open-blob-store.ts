import type { Settings } from '../config/settings.ts';
import { FileBlobStore, type BlobStore } from './blob-store.ts';

/** The deployment's blob store, as the settings name it. */
export function openBlobStore(settings: Pick<Settings, 'blobDir'>): BlobStore {
  return new FileBlobStore(settings.blobDir);
}
