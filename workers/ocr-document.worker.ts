import { UnrecoverableError } from 'bullmq';
import { openBlobStore } from '../src/blobs/open-blob-store.ts';
import { loadSettings } from '../src/config/settings.ts';
import { createOcrEngine, type EngineChoice } from '../src/ocr/choose-engine.ts';
import { OcrSetupError } from '../src/ocr/ocr-error.ts';
import { runDocumentStages } from '../src/pipeline/document-stages.ts';
import { OcrDocumentJob, type OcrDocumentResult } from '../src/queue/job-definitions.ts';
import { Store } from '../src/store/store.ts';
import { documentBytes } from './blob-bytes.ts';
import type { OcrDeps } from './worker-deps.ts';

/**
 * The OCR stage of a document, on a queue of its own: renders and reads the pages without a text
 * layer, saves the result, and tells the document job where the stages go on. A broken OCR setup
 * is not retried (every try would fail the same way).
 */
export function ocrDocumentProcessor(deps: OcrDeps) {
  return async (job: { data: unknown }): Promise<OcrDocumentResult> => {
    const data = OcrDocumentJob.parse(job.data);
    const row = await deps.store.document(data.submissionId, data.position);
    if (!row.read) throw new Error(`document ${data.position} of ${data.submissionId} has no read result`);
    const bytes = await documentBytes(deps.blobs, data);
    try {
      const progress = await runDocumentStages(
        bytes,
        row.path,
        { limits: deps.limits, ocr: deps.ocr },
        { from: data.from, read: row.read, queue: 'ocr' },
      );
      const state = progress.next === null ? 'done' : 'ocr-pending';
      await deps.store.saveRead(data.submissionId, data.position, progress.read, state);
      return { next: progress.next };
    } catch (error) {
      if (error instanceof OcrSetupError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
}

let sandboxDeps: Promise<OcrDeps> | undefined;

/** The sandbox's engine (INTAKE_OCR_ENGINE), said in the log which it is. */
function startEngine(choice: EngineChoice, workers: number) {
  const log = (message: string) => console.error(`intake: ${message}`);
  const { engine, description } = createOcrEngine({
    choice,
    workers,
    onFallback: (error) =>
      log(`tesseract feilet på en side, som ble lest med tesseract.js: ${error.message}`),
  });
  log(description);
  return engine;
}

/**
 * The processor BullMQ runs in a sandbox thread (see ocr-document.sandbox.js). The thread reads
 * the same validated settings as its process and keeps its store connection and OCR engines for
 * the jobs that follow; the OCR engine threads are split between the sandboxes running at once.
 */
export async function sandboxedOcrProcessor(job: { data: unknown }): Promise<OcrDocumentResult> {
  sandboxDeps ??= (async () => {
    const settings = loadSettings();
    const store = await Store.open({
      databaseUrl: settings.databaseUrl,
      dataDir: settings.dataDir,
      schema: settings.dbSchema,
      poolSize: 2,
    });
    const workers = Math.max(1, Math.floor(settings.ocrWorkers / settings.queue.ocrConcurrency));
    return {
      store,
      blobs: openBlobStore(settings),
      limits: settings.readLimits,
      ocr: { engine: startEngine(settings.ocrEngine, workers), dpi: settings.ocrDpi },
    };
  })();
  return ocrDocumentProcessor(await sandboxDeps)(job);
}
