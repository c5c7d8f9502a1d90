import type { ReadDocument } from '../domain/document.ts';
import type { OcrEngine } from '../ocr/ocr-pool.ts';
import { resolveLimits, type ReadLimits } from '../read/limits.ts';
import { readDocument } from '../read/read-document.ts';

/** The OCR stage's engine (one pool shared by the whole run) and its render resolution. */
export interface OcrStage {
  engine: OcrEngine;
  dpi: number;
}

/** What the document stages need, passed in: no stage reads the environment. */
export interface DocumentStageContext {
  limits: Partial<ReadLimits>;
  /** Without an engine the OCR stage is skipped (pages stay waiting for OCR). */
  ocr?: OcrStage;
}

/** Where the queue driver runs a stage: CPU-heavy stages get a queue (and sandbox) of their own. */
export type StageQueue = 'document' | 'ocr';

/** One step of reading a document: able_to_run → run, as in paperless-ngx's consumer. */
export interface DocumentStage {
  name: 'read' | 'ocr';
  queue: StageQueue;
  /** Whether the stage has work on this document (null: nothing read yet). */
  ableToRun(read: ReadDocument | null): boolean;
  run(
    bytes: Buffer,
    path: string,
    read: ReadDocument | null,
    ctx: DocumentStageContext,
  ): Promise<ReadDocument>;
}

/**
 * The document stages, in order: the one list both drivers run. `intake ingest` runs them all in
 * one process; the queue workers run the 'document' ones in the document job and hand the rest to
 * the 'ocr' queue (see src/queue/document-jobs.ts).
 */
export const DOCUMENT_STAGES: readonly DocumentStage[] = Object.freeze([
  {
    name: 'read',
    queue: 'document',
    ableToRun: (read) => read === null,
    run: (bytes, path, _read, ctx) => readDocument(bytes, path, { limits: ctx.limits }),
  },
  {
    name: 'ocr',
    queue: 'ocr',
    ableToRun: (read) => read !== null && read.failure === null && read.pagesNeedingOcr.length > 0,
    run: async (bytes, _path, read, ctx) => {
      if (!ctx.ocr) return read!;
      // pdf.js and the image decoders load with the first page that needs OCR, not at every start.
      const { ocrDocument } = await import('../ocr/ocr-document.ts');
      return ocrDocument(read!, bytes, ctx.ocr.engine, {
        dpi: ctx.ocr.dpi,
        timeoutMs: resolveLimits(ctx.limits).ocrTimeoutMs,
      });
    },
  },
]);

export interface StageProgress {
  read: ReadDocument;
  /** Index in DOCUMENT_STAGES of the next stage with work, on another queue; null when done. */
  next: number | null;
}

/**
 * Runs the document stages from `from` on, skipping those with nothing to do. With `queue`, stops
 * before the first stage with work that belongs to another queue and says which it is; without,
 * runs every stage (ingest). The read stage always runs first, so `read` is set afterwards.
 */
export async function runDocumentStages(
  bytes: Buffer,
  path: string,
  ctx: DocumentStageContext,
  options: { from?: number; read?: ReadDocument | null; queue?: StageQueue } = {},
): Promise<StageProgress> {
  let read = options.read ?? null;
  for (let i = options.from ?? 0; i < DOCUMENT_STAGES.length; i++) {
    const stage = DOCUMENT_STAGES[i]!;
    if (!stage.ableToRun(read)) continue;
    if (options.queue && stage.queue !== options.queue) return { read: read!, next: i };
    if (stage.queue === 'ocr' && !ctx.ocr) continue;
    read = await stage.run(bytes, path, read, ctx);
  }
  if (!read) throw new Error('the read stage did not run');
  return { read, next: null };
}
