import type { FlowProducer, Queue } from 'bullmq';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { QueueSettings } from '../config/settings.ts';
import { submissionId } from '../pipeline/build-record.ts';
import { discoverSubmissions } from '../pipeline/discover.ts';
import type { SubmissionInput } from '../pipeline/submission-input.ts';
import type { ReadLimits } from '../read/limits.ts';
import { failureFromError } from '../read/read-error.ts';
import { beat, resumeAbandonedBatch } from '../store/batch-heartbeat.ts';
import { EMPTY_SHA256, type DocumentEntry, type Store } from '../store/store.ts';
import { jobIds, jobOptions } from './job-definitions.ts';
import { submissionFlow } from './submission-flow.ts';

export interface EnqueueDeps {
  store: Store;
  blobs: BlobStore;
  flows: FlowProducer;
  /** The submissions queue, to see whether a submission's flow is there already. */
  submissions: Queue;
  queue: QueueSettings;
  /** Limits on what discovery loads and opens (file sizes, archives). */
  limits?: Partial<ReadLimits>;
}

export interface EnqueueResult {
  batchId: string;
  submissions: number;
  /** Put on the queues now (the rest were already done or still queued from before). */
  enqueued: number;
  alreadyDone: number;
}

/**
 * Walks the paths as `intake ingest` does, stores each file once in the blob store, records the
 * submission and its documents in the store (claiming document bytes in discovery order, as ingest
 * does, so duplicates come out the same), and adds one flow per submission. Ids come from the
 * content: the same bytes enqueued again make no second record and no second job. Enqueuing an
 * archive again is how a run resumes: what is done (same bytes, same extractor version) is
 * skipped, what is still queued is left alone, and what failed or was done by an older extractor
 * version runs again.
 */
export async function enqueuePaths(
  paths: string[],
  deps: EnqueueDeps,
  onSubmission?: (source: string) => void,
): Promise<EnqueueResult> {
  // A killed enqueue over the same paths left its batch open: this run completes that batch.
  const batchId =
    (await resumeAbandonedBatch(deps.store.sql, paths, staleAfterMs(deps.queue))) ??
    (await deps.store.createBatch(paths));
  // The beat says this enqueue is alive; when it stops before finishBatch, the batch is abandoned.
  const heartbeat = setInterval(() => {
    beat(deps.store.sql, batchId).catch(() => undefined);
  }, deps.queue.heartbeatMs);
  heartbeat.unref();
  const options = jobOptions(deps.queue);
  let position = 0;
  let enqueued = 0;
  let alreadyDone = 0;
  try {
    for (const path of paths) {
      for await (const input of discoverSubmissions(path, deps.limits)) {
        const documents = await storeFiles(input, deps.blobs);
        const id = submissionId(input.source, documents);
        const state = await deps.store.registerSubmission(batchId, position++, {
          id,
          source: input.source,
          documents,
        });
        onSubmission?.(input.source);
        if (state === 'done') {
          alreadyDone++;
          continue;
        }
        const earlier = await deps.submissions.getJob(jobIds.submission(id));
        if (earlier) {
          // Still on the queues from an earlier enqueue: adding it again would be a no-op anyway.
          const state = await earlier.getState();
          if (state !== 'failed' && state !== 'completed') continue;
          // Finished, yet not done in the store (it failed, or an older extractor did it): run it again.
          await earlier.remove({ removeChildren: true });
        }
        await deps.flows.add(submissionFlow(id, batchId, documents, options));
        enqueued++;
      }
    }
  } catch (error) {
    // Interrupted: the batch ends at what was registered, so `status --wait` waits for no more;
    // enqueuing the same paths again goes on from there (done ones are skipped).
    await deps.store.finishBatch(batchId, position).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  await deps.store.finishBatch(batchId, position);
  return { batchId, submissions: position, enqueued, alreadyDone };
}

/** A batch whose enqueue missed three beats was abandoned (a beat can be late on a busy machine). */
export function staleAfterMs(queue: QueueSettings): number {
  return 3 * queue.heartbeatMs;
}

/** Loads each file into the blob store; a file that cannot be loaded is recorded with why. */
async function storeFiles(input: SubmissionInput, blobs: BlobStore): Promise<DocumentEntry[]> {
  const entries: DocumentEntry[] = [];
  for (const [position, file] of input.files.entries()) {
    let bytes: Buffer;
    try {
      bytes = await file.load();
    } catch (error) {
      entries.push({ position, path: file.path, sha256: EMPTY_SHA256, loadFailure: failureFromError(error) });
      continue;
    }
    // A blob store that cannot take the file (object store away, bucket missing, disk full) is not
    // the document's fault: it stops the enqueue instead of recording the file as unreadable.
    const sha256 = await blobs.put(bytes);
    entries.push({ position, path: file.path, sha256, loadFailure: null });
  }
  return entries;
}
