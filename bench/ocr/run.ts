/**
 * OCR throughput and accuracy: the pipeline's pool of tesseract.js workers against the native
 * `tesseract` command, on the same page images, with the same language data, on the same number of
 * cores, one after the other in this process.
 *
 *   npm run bench:ocr [-- --workers N] [--segmentation auto|single-block] [--dpi N] [--rounds R]
 *       [--pool-only] [--layout-only]
 *
 * Pages: every page of the scanned samples that the pipeline OCRs, prepared as the pipeline prepares
 * them. Throughput: pages per second including each engine's model loading (N workers / N processes).
 * Accuracy: characters against the born-digital twin's text layer of the same page. --dpi renders the
 * scanned PDF pages at a fixed resolution instead of the scan's own; --rounds repeats both runs
 * alternately and keeps each engine's fastest; --pool-only measures the pipeline's accuracy alone (to
 * compare settings). Then the layout pages (bench/ocr/layout-pages.ts): two columns and turned pages,
 * pipeline against native tesseract with OSD; --layout-only runs only those. Needs the native
 * command: bash bench/setup.sh.
 */
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { prepareTessdata } from '../../src/ocr/language-data.ts';
import { ocrTextPage } from '../../src/ocr/ocr-page.ts';
import { OcrPool, type PageSegmentation } from '../../src/ocr/ocr-pool.ts';
import { parseTesseractTsv, type EngineWord } from '../../src/ocr/tsv.ts';
import { benchPages, type BenchPage } from './bench-pages.ts';
import { runLayoutBench, type LayoutResult } from './layout-pages.ts';
import { accuracy, tally } from './char-accuracy.ts';
import { nativeTesseractVersion, runNative, type NativeRun } from './native-tesseract.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface EngineRun {
  words: EngineWord[][];
  ms: number;
  /** CPU time of the run (the pool's threads are this process's). */
  cpuMs: number;
}

interface PoolRun extends EngineRun {
  startMs: number;
  rssIdleMb: number;
  rssPeakMb: number;
}

async function runPool(
  pages: readonly BenchPage[],
  workers: number,
  segmentation: PageSegmentation,
): Promise<PoolRun> {
  const tessdata = prepareTessdata();
  const rss = () => process.memoryUsage().rss / 2 ** 20;
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
  const pool = new OcrPool({ workers, tessdata });
  try {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await pool.start();
    const startMs = performance.now() - started;
    const rssIdleMb = (rss() - before) / workers;
    const results = await Promise.all(
      pages.map((page) => pool.recognize({ image: page.image, dpi: page.dpi, segmentation })),
    );
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      words: results.map((r) => r.words),
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      startMs,
      rssIdleMb,
      rssPeakMb: (peak - before) / workers,
    };
  } finally {
    clearInterval(sampler);
    await pool.terminate();
  }
}

/** The page's text as the pipeline lays it out from the engine's words. */
const pageText = (words: EngineWord[]) => ocrTextPage(1, words, { scale: 1 }).text;

/** Character accuracy of the engine's words for `pages`, all pages counted together. */
const score = (words: EngineWord[][], pages: readonly BenchPage[]) =>
  accuracy(tally(pages.map((page, i) => ({ read: pageText(words[i]!), truth: page.truth }))));

const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
const pad = (s: string, n: number) => s.padEnd(n);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string', default: String(availableParallelism()) },
      segmentation: { type: 'string', default: 'auto' },
      dpi: { type: 'string' },
      rounds: { type: 'string', default: '1' },
      'pool-only': { type: 'boolean', default: false },
      'layout-only': { type: 'boolean', default: false },
    },
  });
  const workers = Number(values.workers);
  const rounds = Number(values.rounds);
  const segmentation = values.segmentation as PageSegmentation;
  if (!['auto', 'single-block'].includes(segmentation))
    throw new Error('--segmentation must be auto or single-block');
  if (!(workers >= 1 && rounds >= 1)) throw new Error('--workers and --rounds must be positive');
  const forceDpi = values.dpi ? Number(values.dpi) : undefined;

  const poolOnly = values['pool-only'];
  if (values['layout-only']) {
    printLayout(await runLayoutBench(workers, !poolOnly));
    return;
  }
  const version = poolOnly ? 'not run (--pool-only)' : nativeTesseractVersion();
  const tessdata = prepareTessdata();
  const pages = await benchPages(join(REPO, 'samples'), forceDpi);
  console.log(
    `${pages.length} pages from the scanned samples; ${workers} workers / processes; ` +
      `segmentation ${segmentation}; PDF scans at ${forceDpi ? `${forceDpi} DPI` : 'their own DPI'}`,
  );
  console.log(`language data: ${tessdata.description} (${tessdata.dir})`);
  console.log(`native: ${version}, OMP_THREAD_LIMIT=1\n`);

  let pool: PoolRun | undefined;
  let native: NativeRun | undefined;
  for (let round = 0; round < rounds; round++) {
    const p = await runPool(pages, workers, segmentation);
    if (!pool || p.ms < pool.ms) pool = p;
    if (poolOnly) continue;
    const n = await runNative(pages, workers, tessdata, segmentation);
    if (!native || n.ms < native.ms) native = n;
  }
  if (!native) {
    pages.forEach((page, i) =>
      console.log(
        pad(page.name, 64),
        pad(String(Math.round(page.dpi)), 5),
        pct(score([pool!.words[i]!], [page])),
      ),
    );
    console.log(`\npool: ${pages.length} pages, character accuracy ${pct(score(pool!.words, pages))}`);
    return;
  }
  const nativeWords = native.tsv.map(parseTesseractTsv);

  console.log(pad('page', 64), pad('DPI', 5), pad('pool', 9), 'native');
  pages.forEach((page, i) => {
    const one = (words: EngineWord[]) => pct(accuracy(tally([{ read: pageText(words), truth: page.truth }])));
    console.log(
      pad(page.name, 64),
      pad(String(Math.round(page.dpi)), 5),
      pad(one(pool!.words[i]!), 9),
      one(nativeWords[i]!),
    );
  });

  const poolRate = pages.length / (pool!.ms / 1000);
  const nativeRate = pages.length / (native!.ms / 1000);
  const poolCpuRate = pages.length / (pool!.cpuMs / 1000);
  const nativeCpuRate = pages.length / (native!.cpuMs / 1000);
  const poolAccuracy = score(pool!.words, pages);
  const nativeAccuracy = score(nativeWords, pages);
  console.log('');
  console.log(
    pad('engine', 30),
    pad('wall s', 8),
    pad('pages/s', 9),
    pad('CPU s', 8),
    pad('pages/CPU s', 12),
    'accuracy',
  );
  const row = (
    name: string,
    run: { ms: number; cpuMs: number },
    rate: number,
    cpuRate: number,
    acc: number,
  ) =>
    console.log(
      pad(name, 30),
      pad((run.ms / 1000).toFixed(1), 8),
      pad(rate.toFixed(3), 9),
      pad((run.cpuMs / 1000).toFixed(1), 8),
      pad(cpuRate.toFixed(3), 12),
      pct(acc),
    );
  row('tesseract.js pool (pipeline)', pool!, poolRate, poolCpuRate, poolAccuracy);
  row('native tesseract', native!, nativeRate, nativeCpuRate, nativeAccuracy);
  console.log('');
  console.log(`throughput ratio pool / native: ${(poolRate / nativeRate).toFixed(2)} (goal >= 0.85)`);
  console.log(
    `per CPU second, pool / native: ${(poolCpuRate / nativeCpuRate).toFixed(2)} ` +
      `(the same ratio without other work on the machine; load average now ${loadavg()[0]!.toFixed(1)})`,
  );
  console.log(
    `accuracy pool - native: ${((poolAccuracy - nativeAccuracy) * 100).toFixed(2)} points (goal >= 0)`,
  );
  console.log(
    `pool start ${(pool!.startMs / 1000).toFixed(1)} s; memory per worker: ` +
      `${pool!.rssIdleMb.toFixed(0)} MB idle, ${pool!.rssPeakMb.toFixed(0)} MB peak (process RSS / workers)`,
  );
  console.log('');
  printLayout(await runLayoutBench(workers, true));
}

/** The reading-order and orientation table (bench/ocr/layout-pages.ts). */
function printLayout(results: readonly LayoutResult[]): void {
  console.log('reading order and orientation (character accuracy against the text in reading order):');
  console.log(pad('page', 32), pad('pool', 9), pad('native', 9), 'pool page confidence');
  for (const r of results) {
    console.log(
      pad(r.name, 32),
      pad(pct(r.pool), 9),
      pad(r.native === null ? '-' : pct(r.native), 9),
      r.confidence === null ? '-' : r.confidence.toFixed(2),
    );
  }
  const worst = Math.min(...results.map((r) => r.pool - (r.native ?? r.pool)));
  console.log(`largest shortfall pool - native: ${(worst * 100).toFixed(2)} points (goal >= -2)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
