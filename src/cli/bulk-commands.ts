import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { resolve } from 'node:path';
import { openBlobStore } from '../blobs/open-blob-store.ts';
import { loadSettings, type Settings } from '../config/settings.ts';
import { configFingerprint, loadConfigInputs } from '../pipeline/config-fingerprint.ts';
import { ingest } from '../pipeline/ingest.ts';
import type { PipelineContext } from '../pipeline/process-submission.ts';
import { followingConfig } from '../pipeline/recheck-stored.ts';
import { formatRevalidation, revalidateStore } from '../pipeline/revalidate.ts';
import { formatRunReport } from '../pipeline/run-report.ts';
import { resolveLimits } from '../read/limits.ts';
import { sharedReaderPool } from '../read/reader-pool.ts';
import { CaseIndex } from '../review/case-index.ts';
import { ReviewStore } from '../review/review-store.ts';
import { sinkLedger, storeSink } from '../store/ingest-sink.ts';
import { Store } from '../store/store.ts';
import { existingPaths } from './input-paths.ts';
import { RecentRate } from './recent-rate.ts';
import { RunSummary } from './run-summary.ts';

/** How often progress is logged when stderr is not a terminal (a log file, a container). */
const LOG_EVERY_MS = 10_000;

/** `intake ingest` (bulk runs with a run id, resumable) and `intake revalidate`. */
export function registerBulkCommands(
  program: Command,
  pipelineContext: (s: Settings) => PipelineContext,
): void {
  program
    .command('ingest')
    .description(
      'Kjører hele prosessen i denne prosessen på filer og mapper, og skriver DIR/submissions.jsonl. ' +
        'En ny kjøring av samme arkiv hopper over det som er gjort, og en avbrutt kjøring fortsetter der den stoppet.',
    )
    .argument('<path...>', 'filer, mapper eller zip-arkiver')
    .option('--out <dir>', 'mappe for submissions.jsonl og run-report.json', 'out')
    .action(async (paths: string[], options: { out: string }) => {
      existingPaths(paths);
      const settings = loadSettings();
      // The reader threads load their readers while this thread loads the schemes and opens the
      // store, so the first document does not wait for the two one after the other.
      const limits = resolveLimits(settings.readLimits);
      sharedReaderPool(limits.maxHeapMb, limits.readerThreads).warm();
      // The store opens (a copy of the database template, PGlite's start) meanwhile too.
      const opening = openStore(settings);
      let ctx: PipelineContext;
      try {
        ctx = pipelineContext(settings);
      } catch (error) {
        await opening.then((store) => store.close()).catch(() => undefined);
        throw error;
      }
      await runIngest(settings, ctx, paths, options.out, opening);
    });
  program
    .command('revalidate')
    .description(
      'Kjører reglene på nytt på de lagrede feltene til alle innsendinger (uten å lese filene) og viser hvilke funn som kom til eller forsvant.',
    )
    .action(async () => {
      const settings = loadSettings();
      const ctx = pipelineContext(settings);
      const store = await openStore(settings);
      try {
        console.log(formatRevalidation(await revalidateStore(store, ctx)));
        await refreshCaseIndex(store, ctx);
      } finally {
        await store.close();
      }
    });
}

/**
 * Brings the reviewer app's case index up to date with the records just written, so the first
 * list a reviewer opens after a bulk load does not have to derive thousands of rows.
 */
async function refreshCaseIndex(store: Store, ctx: PipelineContext): Promise<void> {
  const n = await new CaseIndex(new ReviewStore(store.sql), ctx).refreshStale(store.sql);
  if (n > 0)
    console.error(`intake: saksoversikten er oppdatert for ${n} ${n === 1 ? 'innsending' : 'innsendinger'}`);
}

function openStore(settings: Settings): Promise<Store> {
  return Store.open({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    schema: settings.dbSchema,
    poolSize: 2,
  });
}

async function runIngest(
  settings: Settings,
  ctx: PipelineContext,
  paths: string[],
  outDir: string,
  opening: Promise<Store>,
) {
  const absolute = paths.map((p) => resolve(p));
  // The run starts reading while the store opens; ingest waits for it where it needs it.
  const opened = opening.then(async (store) => {
    const run = await store.startRun(absolute);
    console.error(`intake: ${run.resumed ? 'fortsetter' : 'starter'} kjøring ${run.id}`);
    // Files go into the blob store as uploads' do, so the reviewer app shows their pages.
    const sink = storeSink(store, openBlobStore(settings), settings.recordBatch);
    const ledger = sinkLedger(store, sink, run);
    const fingerprint = configFingerprint(loadConfigInputs(settings));
    return { store, sink, ledger: await followingConfig(ledger, store, ctx, fingerprint) };
  });
  const sink = opened.then((o) => o.sink);
  const ledger = opened.then((o) => o.ledger);
  // Ingest reports a store that did not open; these keep it from being "unhandled" meanwhile.
  for (const promise of [opened, sink, ledger]) promise.catch(() => undefined);
  const summary = new RunSummary();
  const progress = new Progress();
  try {
    const result = await ingest({
      paths: absolute,
      outDir: resolve(outDir),
      ctx,
      limits: settings.readLimits,
      concurrency: settings.concurrency,
      ocr: { workers: settings.ocrWorkers, dpi: settings.ocrDpi, choice: settings.ocrEngine },
      onTotal: (total, final) => progress.found(total, final),
      onRecord: (record, skipped) => {
        summary.add(record);
        progress.tick(record.source, skipped);
      },
      sink,
      ledger,
    });
    progress.stop();
    console.log(summary.format());
    console.log(formatRunReport(result.report));
    console.log(
      `Skrev ${result.records} poster til ${result.outFile}; rapport i ${result.reportFiles.join(' og ')}`,
    );
    await refreshCaseIndex((await opened).store, ctx);
  } finally {
    progress.stop();
    // Records already in submissions.jsonl go to the store even when the run stopped on an error.
    await (await opened.catch(() => null))?.sink.flush().catch(() => undefined);
    await (await opening.catch(() => null))?.close();
  }
}

/**
 * Progress with rate and time left: a bar on a terminal, a line every few seconds otherwise. The
 * rate is over the last minute (see RecentRate), since an archive's folders go at different speeds.
 */
class Progress {
  private total = 0;
  /** Whether discovery is done and `total` is the whole; until then it grows as submissions are found. */
  private final = false;
  private done = 0;
  private processed = 0;
  private readonly rate = new RecentRate();
  private lastLog = Date.now();
  private bar: cliProgress.SingleBar | null = null;

  /** Submissions found so far; `final` once discovery is done (it runs ahead of the reading). */
  found(total: number, final: boolean): void {
    this.total = total;
    this.final = final;
    if (this.bar) {
      this.bar.setTotal(total);
      this.bar.update({ more: final ? '' : '+' });
      return;
    }
    if (!process.stderr.isTTY) return;
    this.bar = new cliProgress.SingleBar(
      {
        format: 'intake |{bar}| {value}/{total}{more} innsendinger | {rate}/s | igjen {left} | {source}',
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0, { source: '', rate: '–', left: '–', more: final ? '' : '+' });
  }

  tick(source: string, skipped: boolean): void {
    this.done++;
    if (!skipped) this.processed++;
    const rate = this.rate.add(this.done, Date.now());
    // Until discovery is done, the time left is for what has been found: at least that long.
    const left =
      rate > 0 ? `${this.final ? '' : 'minst '}${formatDuration((this.total - this.done) / rate)}` : '–';
    const shown = rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
    if (this.bar) this.bar.update(this.done, { source, rate: shown, left });
    else if (Date.now() - this.lastLog >= LOG_EVERY_MS) {
      this.lastLog = Date.now();
      console.error(
        `intake: ${this.done}/${this.total}${this.final ? '' : '+'} innsendinger (${this.done - this.processed} uendret), ${shown}/s, igjen ${left}`,
      );
    }
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} t ${Math.floor((s % 3600) / 60)} min`;
}
