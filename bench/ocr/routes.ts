/**
 * The routes bench:ocr compares, each from the files' bytes to each page's text:
 * - the native route, the yardstick of issue 15: `pdftoppm -r 300 -gray` and `tesseract -l nor
 *   --psm 6`, one pipeline per page, N at once, one thread each (OMP_THREAD_LIMIT=1); and the same
 *   route reading as intake does (`-l nor+eng --psm 3`), which leaves out what intake adds;
 * - intake's OCR path (read, decode or render once, preprocess, OCR, lay out) with a given engine.
 */
import { spawn } from 'node:child_process';

import { ocrDocument } from '../../src/ocr/ocr-document.ts';
import type { OcrEngine } from '../../src/ocr/ocr-pool.ts';
import { readDocument } from '../../src/read/read-document.ts';
import { cpuSeconds, type ScannedFile } from './scanned-files.ts';

export interface RouteRun {
  /** Text per file and page: texts[file][i] for files[file].pages[i]. */
  texts: string[][];
  seconds: number;
  cpuSeconds: number;
  /** Seconds from the start until the first file was wholly read. */
  firstFileSeconds: number;
}

/** Measures `work`, which resolves with the texts and calls `fileDone` as each file is read. */
async function measured(work: (fileDone: () => void) => Promise<string[][]>): Promise<RouteRun> {
  const cpuBefore = cpuSeconds();
  const started = performance.now();
  let first: number | null = null;
  const texts = await work(() => (first ??= performance.now() - started));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds();
  return {
    texts,
    seconds,
    cpuSeconds: cpu - cpuBefore,
    firstFileSeconds: (first ?? 0) / 1000,
  };
}

/** intake's OCR path over every file at once, as ingest runs them; the engine bounds the pages in flight. */
export function runIntake(files: readonly ScannedFile[], engine: OcrEngine): Promise<RouteRun> {
  return measured((fileDone) =>
    Promise.all(
      files.map(async (file) => {
        const read = await readDocument(file.bytes, file.path);
        const done = await ocrDocument(read, file.bytes, engine);
        fileDone();
        return file.pages.map((p) => done.pages.find((page) => page.page === p.number)?.text ?? '');
      }),
    ),
  );
}

/**
 * The native route: each PDF page through `pdftoppm | tesseract`, each image file straight to
 * tesseract (a TIFF's pages in one process), `processes` at a time. Plain text, as the command gives it.
 */
export function runNativeRoute(
  files: readonly ScannedFile[],
  processes: number,
  tesseractArgs: NativeRouteArgs = ISSUE_ROUTE,
): Promise<RouteRun> {
  type Job = { file: ScannedFile; f: number; pages: number[]; number: number | null };
  const jobs = files.flatMap((file, f): Job[] =>
    file.format === 'pdf'
      ? file.pages.map((page, i) => ({ file, f, pages: [i], number: page.number }))
      : [{ file, f, pages: file.pages.map((_, i) => i), number: null }],
  );
  return measured(async (fileDone) => {
    const texts = files.map((file) => file.pages.map(() => ''));
    const left = files.map((file) => file.pages.length);
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        // tesseract ends each page of its plain text with a form feed.
        const pages = (await nativeJob(job.file, job.number, tesseractArgs)).split('\f');
        job.pages.forEach((i, k) => (texts[job.f]![i] = pages[k] ?? ''));
        left[job.f]! -= job.pages.length;
        if (left[job.f] === 0) fileDone();
      }
    };
    await Promise.all(Array.from({ length: processes }, lane));
    return texts;
  });
}

/** The tesseract command's models and page segmentation for a native route. */
export type NativeRouteArgs = string;
/** Issue 15's yardstick: Norwegian alone, the page as one block of text. */
export const ISSUE_ROUTE: NativeRouteArgs = '-l nor --psm 6';
/** The same command reading as intake reads: Norwegian and English, automatic page segmentation. */
export const INTAKE_MODELS_ROUTE: NativeRouteArgs = '-l nor+eng --psm 3';

function nativeJob(file: ScannedFile, page: number | null, args: NativeRouteArgs): Promise<string> {
  const script =
    page === null
      ? `tesseract "$0" stdout ${args}`
      : `pdftoppm -r 300 -gray -f ${page} -l ${page} "$0" | tesseract stdin stdout ${args}`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `set -o pipefail; ${script}`, file.path], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString('utf8'))
        : reject(new Error(`native route failed on ${file.name}#${page ?? '*'} (${code}): ${err}`)),
    );
  });
}
