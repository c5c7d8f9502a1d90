import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadDocument } from '../domain/document.ts';
import type { SubmissionFields } from '../extract/extract-submission.ts';
import { DEFAULT_OCR_DPI } from '../ocr/ocr-defaults.ts';
import { OcrPool, type OcrEngine } from '../ocr/ocr-pool.ts';
import type { ReadLimits } from '../read/limits.ts';
import { discoverSubmissions } from './discover.ts';
import { DuplicateIndex } from './duplicate-index.ts';
import { processDocument, type OcrStage } from './process-document.ts';
import { submissionId } from './build-record.ts';
import { checkSubmission, type PipelineContext, type ProcessedRecord } from './process-submission.ts';
import type { SubmissionInput } from './submission-input.ts';

export interface IngestOptions {
  paths: string[];
  outDir: string;
  ctx: PipelineContext;
  limits: Partial<ReadLimits>;
  /** Submissions read ahead while earlier ones are checked and written. */
  concurrency: number;
  /** OCR settings; unset ones take the defaults (workers: the number of cores). */
  ocr?: IngestOcrOptions;
  onTotal?: (total: number) => void;
  onRecord?: (record: ProcessedRecord) => void;
  /** Where the results are kept as well (the store); it also decides duplicates across runs. */
  sink?: IngestSink;
}

/** A keeper of results beyond this run; the store (src/store/) is one. */
export interface IngestSink {
  /** Claims the documents' bytes for a submission; returns, per index, the earlier owner's source. */
  claimDocuments(submissionId: string, source: string, shas: string[]): Promise<Map<number, string>>;
  save(result: { record: ProcessedRecord; reads: ReadDocument[]; fields: SubmissionFields }): Promise<void>;
}

export interface IngestOcrOptions {
  workers?: number;
  dpi?: number;
  /** An engine to use instead of a pool of this run's own (tests); the caller stops it. */
  engine?: OcrEngine;
}

export interface IngestResult {
  outFile: string;
  records: number;
}

/**
 * The in-process driver: discover, read documents (a few submissions ahead), then check and
 * write each submission in discovery order, so duplicate detection is deterministic.
 */
export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  await mkdir(opts.outDir, { recursive: true });
  const outFile = join(opts.outDir, 'submissions.jsonl');
  const partial = `${outFile}.partial`;
  const out = await open(partial, 'w');
  const duplicates = new DuplicateIndex();
  let records = 0;

  if (opts.onTotal) {
    let total = 0;
    for (const path of opts.paths) for await (const _ of discoverSubmissions(path)) total++;
    opts.onTotal(total);
  }

  // One pool of OCR workers for the whole run; its workers start only if some page needs OCR.
  const pool = opts.ocr?.engine ? null : new OcrPool({ workers: opts.ocr?.workers });
  const ocr: OcrStage = { engine: opts.ocr?.engine ?? pool!, dpi: opts.ocr?.dpi ?? DEFAULT_OCR_DPI };
  const readAll = (s: SubmissionInput) =>
    Promise.all(s.files.map((f) => processDocument(f, opts.limits, ocr)));
  try {
    for (const path of opts.paths) {
      const window: Array<{ input: SubmissionInput; reads: ReturnType<typeof readAll> }> = [];
      const finish = async () => {
        const { input, reads } = window.shift()!;
        const docs = await reads;
        const duplicateOf = opts.sink
          ? await opts.sink.claimDocuments(
              submissionId(input.source, docs),
              input.source,
              docs.map((d) => d.sha256),
            )
          : duplicates.register(input.source, docs);
        const { record, fields } = checkSubmission(input.source, docs, duplicateOf, opts.ctx);
        await opts.sink?.save({ record, reads: docs, fields });
        await out.write(`${JSON.stringify(record)}\n`);
        records++;
        opts.onRecord?.(record);
      };
      for await (const input of discoverSubmissions(path)) {
        const reads = readAll(input);
        reads.catch(() => undefined); // awaited in finish(); avoid an unhandled rejection meanwhile
        window.push({ input, reads });
        if (window.length >= opts.concurrency) await finish();
      }
      while (window.length > 0) await finish();
    }
  } finally {
    await out.close();
    await pool?.terminate();
  }
  await rename(partial, outFile);
  return { outFile, records };
}
