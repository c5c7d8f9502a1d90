import type { Settings } from '../config/settings.ts';
import type { IngestSink } from '../pipeline/ingest.ts';
import { Store } from './store.ts';

/** The store as `intake ingest`'s sink, plus closing it when the run is over. */
export interface StoreSink extends IngestSink {
  close(): Promise<void>;
}

/**
 * Opens the store (PostgreSQL with DATABASE_URL, else the embedded database in the data folder)
 * while the run starts reading, so its start-up (seconds, for a new embedded database) overlaps
 * the reading instead of adding to it. Documents are saved with their read results.
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
  return {
    claimDocuments: async (id, source, shas) => (await opening).claimDocuments(id, source, shas),
    save: async (result) => (await opening).saveProcessed(result, { withReads: true, actor: 'ingest' }),
    close: async () => (await opening).close(),
  };
}
