import type { JobsOptions, Queue } from 'bullmq';
import type { BlobStore } from '../src/blobs/blob-store.ts';
import type { OcrStage } from '../src/pipeline/document-stages.ts';
import type { PipelineContext } from '../src/pipeline/process-submission.ts';
import type { ReadLimits } from '../src/read/limits.ts';
import type { Store } from '../src/store/store.ts';

/** What the document and submission processors need, built once per worker process. */
export interface WorkerDeps {
  store: Store;
  blobs: BlobStore;
  limits: Partial<ReadLimits>;
  ctx: PipelineContext;
  ocrQueue: Queue;
  jobOptions: JobsOptions;
}

/** What the OCR processor needs, built once per sandbox thread. */
export interface OcrDeps {
  store: Store;
  blobs: BlobStore;
  limits: Partial<ReadLimits>;
  ocr: OcrStage;
}
