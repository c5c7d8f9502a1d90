import { createHash } from 'node:crypto';
import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ReadDocument } from '../domain/document.ts';
import { extractSubmission, type SubmissionFields } from '../extract/extract-submission.ts';
import { DEFAULT_OCR_DPI } from '../ocr/ocr-defaults.ts';
import { createOcrEngine } from '../ocr/choose-engine.ts';
import type { EngineChoice } from '../ocr/ocr-defaults.ts';
import type { OcrEngine } from '../ocr/ocr-pool.ts';
import type { ReadLimits } from '../read/limits.ts';
import { failureFromError } from '../read/read-error.ts';
import { discoverSubmissions } from './discover.ts';
import { runAhead } from './run-ahead.ts';
import { runDocumentStages, type OcrStage } from './document-stages.ts';
import { DuplicateIndex } from './duplicate-index.ts';
import { EXTRACTOR_VERSION } from './extractor-version.ts';
import { unloadableDocument } from './process-document.ts';
import { submissionId } from './build-record.ts';
import { checkFields, type PipelineContext, type ProcessedRecord } from './process-submission.ts';
import { formatRunReport, RunReportBuilder, type RunReport, type Stage } from './run-report.ts';
import type { InputFile, SubmissionInput } from './submission-input.ts';

export interface IngestOptions {
  paths: string[];
  outDir: string;
  ctx: PipelineContext;
  limits: Partial<ReadLimits>;
  /** Submissions read ahead while earlier ones are checked and written. */
  concurrency: number;
  /** OCR settings; unset ones take the defaults (workers: the number of cores). */
  ocr?: IngestOcrOptions;
  /**
   * Submissions found so far, as discovery goes (one walk, running ahead of the reading): the
   * count grows, and `final` says discovery is done and it is the total.
   */
  onTotal?: (total: number, final: boolean) => void;
  /** How submissions are found under a path (tests count the walks); default discoverSubmissions. */
  discover?: typeof discoverSubmissions;
  /** Submissions discovery may run ahead of the reading; default DISCOVERY_AHEAD. */
  discoveryAhead?: number;
  /** Each record as it is written; `skipped` when it was done already and came from the store. */
  onRecord?: (record: ProcessedRecord, skipped: boolean) => void;
  /**
   * Where the results are kept as well (the store); it also decides duplicates across runs. A
   * promise while the store is still opening: reading starts meanwhile (see `start` in ingest).
   */
  sink?: IngestSink | Promise<IngestSink>;
  /** The run in the store: lets a re-run skip what is done and an interrupted run resume. */
  ledger?: RunLedger | Promise<RunLedger>;
}

/** A keeper of results beyond this run; the store (src/store/) is one. */
export interface IngestSink {
  /** Claims the documents' bytes for a submission; returns, per index, the earlier owner's source. */
  claimDocuments(submissionId: string, source: string, shas: string[]): Promise<Map<number, string>>;
  save(result: { record: ProcessedRecord; reads: ReadDocument[]; fields: SubmissionFields }): Promise<void>;
  /**
   * Keeps a submission's loaded files (the blob store, so the reviewer app shows their pages), with
   * the sha256 each was hashed to; called for every submission, done ones too, so a re-run of an
   * archive loaded before files were kept fills them in.
   */
  keepFiles?(files: Array<{ sha256: string; bytes: Buffer }>): Promise<void>;
  /** Writes what it holds back (a sink that batches its writes); called before the run finishes. */
  flush?(): Promise<void>;
}

/** A bulk run as the store keeps it (Store.startRun and friends). */
export interface RunLedger {
  run: { id: string; resumed: boolean };
  /** The stored record of a submission done from these bytes by this extractor version, or null. */
  doneRecord(submissionId: string, extractorVersion: string): Promise<ProcessedRecord | null>;
  /** Notes the submission as recorded by this run (after it is saved). */
  recorded(submissionId: string, skipped: boolean): Promise<void>;
  /**
   * A done submission against this run's configuration (register, schemes, read limits): 'same'
   * keeps the stored record; a record is the stored one extracted and checked again from its stored
   * read results (and saved); null means its files must be read again. Unset: always 'same'.
   */
  followConfig?(done: ProcessedRecord): Promise<'same' | ProcessedRecord | null>;
  finish(report: RunReport): Promise<void>;
}

export interface IngestOcrOptions {
  workers?: number;
  dpi?: number;
  /** An engine to use instead of a pool of this run's own (tests); the caller stops it. */
  engine?: OcrEngine;
  /** Which engine the run starts (INTAKE_OCR_ENGINE); default 'auto'. */
  choice?: EngineChoice;
  /** Where the engine chosen and pages the native engine failed on are told; default stderr. */
  log?: (message: string) => void;
}

/** The run's own engine, said once which it is. */
function startOcrEngine(options: IngestOcrOptions | undefined) {
  const log = options?.log ?? ((message: string) => console.error(`intake: ${message}`));
  const { engine, description } = createOcrEngine({
    choice: options?.choice ?? 'auto',
    workers: options?.workers,
    onFallback: (error) =>
      log(`tesseract feilet på en side, som ble lest med tesseract.js: ${error.message}`),
  });
  log(description);
  return engine;
}

export interface IngestResult {
  outFile: string;
  records: number;
  report: RunReport;
  /** run-report.json and run-report.txt, next to submissions.jsonl. */
  reportFiles: string[];
}

/**
 * Submissions discovery may find before the reading asks for them: enough to show a total early
 * on most archives; bounded, since one found in a nested zip holds that zip's bytes.
 */
export const DISCOVERY_AHEAD = 128;

/** A submission's files loaded: their bytes (null: could not be loaded, with the document saying why). */
interface Loaded {
  input: SubmissionInput;
  id: string;
  bytes: Array<Buffer | null>;
  unloadable: Array<ReadDocument | null>;
  shas: string[];
}

/** A submission ahead in the window: done already (from the store), or its documents being read. */
type Pending =
  | { input: SubmissionInput; done: ProcessedRecord; rechecked: boolean }
  | { input: SubmissionInput; reads: Promise<ReadDocument[]> };

/**
 * The in-process driver: discover (a stream), load each submission's bytes and hash them, skip it
 * when the store has it done from the same bytes and extractor version, else read documents (a
 * few submissions ahead), then check and write each submission in discovery order, so duplicate
 * detection is deterministic. Every submission found gets a line in submissions.jsonl.
 */
export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  await mkdir(opts.outDir, { recursive: true });
  const outFile = join(opts.outDir, 'submissions.jsonl');
  // Written in place, a line per submission as it is checked: a run killed half-way (power loss, the
  // whole machine out of memory) leaves every record written before the kill, and the next run over
  // the same paths writes the file again whole (done submissions come from the store). Opened at
  // the first record, after the store: a store that cannot open leaves the last run's file as it was.
  let out: FileHandle | null = null;
  const output = async () => (out ??= await open(outFile, 'w'));
  const duplicates = new DuplicateIndex();
  const report = new RunReportBuilder(opts.paths, null);
  // The store may still be opening: what needs it waits for it, the reading does not.
  let sink: IngestSink | undefined;
  let ledger: RunLedger | undefined;
  let storeOpen = false;
  const opened = Promise.all([opts.sink, opts.ledger]).then(([s, l]) => {
    [sink, ledger, storeOpen] = [s, l, true];
    report.setRun(l?.run ?? null);
  });
  opened.catch(() => undefined); // awaited by every submission and at the end
  let records = 0;
  const timed = async <T>(stage: Stage, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      report.addTime(stage, performance.now() - start);
    }
  };

  // One OCR engine for the whole run; its workers start only if some page needs OCR.
  const pool = opts.ocr?.engine ? null : startOcrEngine(opts.ocr);
  const ocr: OcrStage = { engine: opts.ocr?.engine ?? pool!, dpi: opts.ocr?.dpi ?? DEFAULT_OCR_DPI };
  const stageCtx = { limits: opts.limits, ocr };

  /** The document stages on loaded bytes, read and OCR timed apart. */
  const readDocument = async (bytes: Buffer, path: string): Promise<ReadDocument> => {
    const first = await timed('read', () => runDocumentStages(bytes, path, stageCtx, { queue: 'document' }));
    // performance.now() counts from the process's start: the start-up figure the benches print.
    report.documentRead(performance.now());
    if (first.next === null) return first.read;
    const next = first.next;
    return (
      await timed('ocr', () => runDocumentStages(bytes, path, stageCtx, { from: next, read: first.read }))
    ).read;
  };

  const readAll = (loaded: Loaded) => {
    const reads = Promise.all(
      loaded.bytes.map(
        async (bytes, i) => loaded.unloadable[i] ?? readDocument(bytes!, loaded.input.files[i]!.path),
      ),
    );
    reads.catch(() => undefined); // awaited in finish(); avoid an unhandled rejection meanwhile
    return reads;
  };

  const start = async (input: SubmissionInput): Promise<Pending> => {
    const loaded = await timed('read', () => load(input));
    // While the store is still opening (the first submissions of a run), reading starts without
    // waiting for its word on whether the submission is done; a done one's reads are dropped.
    const early = storeOpen ? null : readAll(loaded);
    await opened;
    if (sink?.keepFiles) {
      const files = loaded.bytes.flatMap((bytes, i) => (bytes ? [{ sha256: loaded.shas[i]!, bytes }] : []));
      await timed('write', () => sink!.keepFiles!(files));
    }
    const done = ledger ? await ledger.doneRecord(loaded.id, EXTRACTOR_VERSION) : null;
    // Done from the same bytes: kept as it is, checked again with a changed register or schemes, or
    // (read limits changed) read again below.
    const followed = done && ledger!.followConfig ? await ledger!.followConfig(done) : 'same';
    if (done && followed === 'same') return { input, done, rechecked: false };
    if (done && followed !== null && followed !== 'same') return { input, done: followed, rechecked: true };
    return { input, reads: early ?? readAll(loaded) };
  };

  /** `skipped`: not read again (kept, or `rechecked` with a changed configuration). */
  const write = async (record: ProcessedRecord, skipped: boolean, rechecked = false) => {
    const file = await output();
    await timed('write', () => file.write(`${JSON.stringify(record)}\n`));
    await ledger?.recorded(record.id, skipped);
    records++;
    report.add(record, skipped, rechecked);
    opts.onRecord?.(record, skipped);
  };

  // One walk of the archive: discovery runs ahead of the reading into a bounded buffer, and the
  // total grows as it goes (it used to be a walk of its own before the first document was read).
  const discover = opts.discover ?? discoverSubmissions;
  const discovered = runAhead(
    (async function* () {
      for (const path of opts.paths) yield* discover(path, opts.limits);
    })(),
    opts.discoveryAhead ?? DISCOVERY_AHEAD,
    opts.onTotal,
  );
  try {
    const window: Array<Promise<Pending>> = [];
    const finish = async () => {
      const pending = await window.shift()!;
      if ('done' in pending) {
        await write(pending.done, true, pending.rechecked);
        return;
      }
      const { input } = pending;
      const docs = await pending.reads;
      const duplicateOf = sink
        ? await sink.claimDocuments(
            submissionId(input.source, docs),
            input.source,
            docs.map((d) => d.sha256),
          )
        : duplicates.register(input.source, docs);
      const fields = await timed('extract', () =>
        extractSubmission(docs, { schemes: opts.ctx.schemes, register: opts.ctx.register }),
      );
      const record = await timed('check', () =>
        checkFields(input.source, docs, fields, duplicateOf, opts.ctx),
      );
      await timed('write', () => sink?.save({ record, reads: docs, fields }));
      await write(record, false);
    };
    for await (const input of discovered) {
      const pending = start(input);
      pending.catch(() => undefined);
      window.push(pending);
      if (window.length >= opts.concurrency) await finish();
    }
    while (window.length > 0) await finish();
    await opened;
    await output(); // a run that found nothing still writes an empty file
  } finally {
    await (out as FileHandle | null)?.close();
    await pool?.terminate();
  }
  await timed('write', () => sink?.flush?.());
  const finished = report.finish(Math.round(process.resourceUsage().maxRSS / 1024));
  const reportFiles = [join(opts.outDir, 'run-report.json'), join(opts.outDir, 'run-report.txt')];
  await writeFile(reportFiles[0]!, `${JSON.stringify(finished, null, 2)}\n`);
  await writeFile(reportFiles[1]!, `${formatRunReport(finished)}\n`);
  await ledger?.finish(finished);
  return { outFile, records, report: finished, reportFiles };
}

/** Loads a submission's files and hashes them: its id, before any reading, decides a skip. */
async function load(input: SubmissionInput): Promise<Loaded> {
  const bytes: Array<Buffer | null> = [];
  const unloadable: Array<ReadDocument | null> = [];
  const shas: string[] = [];
  for (const file of input.files) {
    const result = await loadFile(file);
    bytes.push(result.bytes);
    unloadable.push(result.unloadable);
    shas.push(result.unloadable?.sha256 ?? createHash('sha256').update(result.bytes!).digest('hex'));
  }
  return {
    input,
    id: submissionId(
      input.source,
      shas.map((sha256) => ({ sha256 })),
    ),
    bytes,
    unloadable,
    shas,
  };
}

async function loadFile(file: InputFile): Promise<{ bytes: Buffer | null; unloadable: ReadDocument | null }> {
  try {
    return { bytes: await file.load(), unloadable: null };
  } catch (err) {
    return { bytes: null, unloadable: unloadableDocument(file.path, failureFromError(err)) };
  }
}
