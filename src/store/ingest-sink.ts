import type { BlobStore } from '../blobs/blob-store.ts';
import { openBlobStore } from '../blobs/open-blob-store.ts';
import type { Settings } from '../config/settings.ts';
import type { IngestSink, RunLedger } from '../pipeline/ingest.ts';
import type { ProcessedRecord } from '../pipeline/process-submission.ts';
import { RECORD_BATCH_SIZE, RecordBatch } from './record-batch.ts';
import { Store } from './store.ts';

/** The store as `intake ingest`'s sink, plus closing it when the run is over. */
export interface StoreSink extends IngestSink {
  close(): Promise<void>;
}

/** The store sink with the run's ledger entries going through it, and its flush. */
export interface BatchedStoreSink extends IngestSink {
  /** As Store.doneRecord, several lookups in one query. */
  doneRecord(submissionId: string, extractorVersion: string): Promise<ProcessedRecord | null>;
  /** As Store.addRunSubmission, written with the batch (the submission's row comes first). */
  recorded(runId: string, submissionId: string, skipped: boolean): Promise<void>;
  flush(): Promise<void>;
}

/**
 * A run's ledger over its batched sink: done lookups and run entries go with the batches, and the
 * run is finished only after the last batch is written.
 */
export function sinkLedger(store: Store, sink: BatchedStoreSink, run: RunLedger['run']): RunLedger {
  return {
    run,
    doneRecord: (id, version) => sink.doneRecord(id, version),
    recorded: (id, skipped) => sink.recorded(run.id, id, skipped),
    finish: async (report) => {
      await sink.flush();
      await store.finishRun(run.id, report);
    },
  };
}

/**
 * `intake ingest`'s results kept as uploads keep theirs: records and read results in the store, the
 * files in the blob store (content-addressed, shared with uploads and workers), so the reviewer app
 * shows a bulk-loaded case's pages and evidence boxes as it does an uploaded one's. A file already
 * stored is not written again; the bytes are the ones the run loaded to hash, never read twice.
 *
 * Records go in batches of `batchSize` (see RecordBatch; null: RECORD_BATCH_SIZE, as
 * `INTAKE_RECORD_BATCH` unset gives); 1 writes each as it comes with the statements the queue
 * workers use (the one-by-one path the batched one is tested against).
 */
export function storeSink(store: Store, blobs: BlobStore, batchSize: number | null = null): BatchedStoreSink {
  const size = batchSize ?? RECORD_BATCH_SIZE;
  const keep = (files: Array<{ sha256: string; bytes: Buffer }>) => keepFiles(blobs, files);
  if (size <= 1) {
    return {
      claimDocuments: (id, source, shas) => store.claimDocuments(id, source, shas),
      save: (result) => store.saveProcessed(result, { withReads: true, actor: 'ingest' }),
      keepFiles: keep,
      doneRecord: (id, version) => store.doneRecord(id, version),
      recorded: (runId, id, skipped) => store.addRunSubmission(runId, id, skipped),
      flush: async () => undefined,
    };
  }
  const batch = new RecordBatch(store, { size, actor: 'ingest' });
  return {
    claimDocuments: (id, source, shas) => batch.claimDocuments(id, source, shas),
    save: (result) => batch.save(result),
    keepFiles: keep,
    doneRecord: (id, version) => batch.doneRecord(id, version),
    recorded: (runId, id, skipped) => batch.recorded(runId, id, skipped),
    flush: () => batch.flush(),
  };
}

/**
 * Opens the store (PostgreSQL with DATABASE_URL, else the embedded database in the data folder)
 * while the run starts reading, so its start-up (seconds, for a new embedded database) overlaps
 * the reading instead of adding to it. Documents are saved with their read results, files in the
 * blob store (`openBlobStore`: INTAKE_BLOB_URL, or the data folder's blobs).
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
  let opened: BatchedStoreSink | null = null;
  const sink = async () => (opened ??= storeSink(await opening, blobs, settings.recordBatch));
  return {
    claimDocuments: async (id, source, shas) => (await sink()).claimDocuments(id, source, shas),
    save: async (result) => (await sink()).save(result),
    keepFiles: (files) => keepFiles(blobs, files),
    flush: async () => (await sink()).flush(),
    close: async () => {
      await (await sink()).flush();
      await (await opening).close();
    },
  };
}

async function keepFiles(blobs: BlobStore, files: Array<{ sha256: string; bytes: Buffer }>): Promise<void> {
  for (const file of files) await blobs.putHashed(file.sha256, file.bytes);
}
