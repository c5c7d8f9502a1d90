import type { BlobStore } from '../blobs/blob-store.ts';
import { openBlobStore } from '../blobs/open-blob-store.ts';
import type { Settings } from '../config/settings.ts';
import type { IngestSink } from '../pipeline/ingest.ts';
import { Store } from './store.ts';

/** The store as `intake ingest`'s sink, plus closing it when the run is over. */
export interface StoreSink extends IngestSink {
  close(): Promise<void>;
}

/**
 * `intake ingest`'s results kept as uploads keep theirs: records and read results in the store, the
 * files in the blob store (content-addressed, shared with uploads and workers), so the reviewer app
 * shows a bulk-loaded case's pages and evidence boxes as it does an uploaded one's. A file already
 * stored is not written again; the bytes are the ones the run loaded to hash, never read twice.
 */
export function storeSink(
  store: Pick<Store, 'claimDocuments' | 'saveProcessed'>,
  blobs: BlobStore,
): IngestSink {
  return {
    claimDocuments: (id, source, shas) => store.claimDocuments(id, source, shas),
    save: (result) => store.saveProcessed(result, { withReads: true, actor: 'ingest' }),
    keepFiles: (files) => keepFiles(blobs, files),
  };
}

/**
 * Opens the store (PostgreSQL with DATABASE_URL, else the embedded database in the data folder)
 * while the run starts reading, so its start-up (seconds, for a new embedded database) overlaps
 * the reading instead of adding to it. Documents are saved with their read results, files in the
 * blob store (settings.blobDir).
 */
export function openStoreSink(settings: Settings): StoreSink {
  const opening = Store.open({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    schema: settings.dbSchema,
    poolSize: 2,
  });
  // Awaited by the first claim or close(); this keeps a failed open from being "unhandled" meanwhile.
  opening.catch(() => undefined);
  const blobs = openBlobStore(settings);
  const sink = async () => storeSink(await opening, blobs);
  return {
    claimDocuments: async (id, source, shas) => (await sink()).claimDocuments(id, source, shas),
    save: async (result) => (await sink()).save(result),
    keepFiles: (files) => keepFiles(blobs, files),
    close: async () => (await opening).close(),
  };
}

async function keepFiles(blobs: BlobStore, files: Array<{ sha256: string; bytes: Buffer }>): Promise<void> {
  for (const file of files) await blobs.putHashed(file.sha256, file.bytes);
}
