/**
 * The native `tesseract` command as the bench's yardstick: N processes, each loading the models once
 * and reading its share of the pages from a list file, one thread each (OMP_THREAD_LIMIT=1), so it
 * uses the same cores as the pool's N single-threaded workers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Tessdata } from '../../src/ocr/language-data.ts';
import { PSM, type PageSegmentation } from '../../src/ocr/ocr-pool.ts';
import { encodeGreyPng } from '../../scripts/scans/encode.ts';
import type { BenchPage } from './bench-pages.ts';

/** The installed command's version line; a missing command is an error that says how to install it. */
export function nativeTesseractVersion(): string {
  const run = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(
      'The native tesseract command is not installed (needed as the yardstick). Run: bash bench/setup.sh',
    );
  }
  return `${run.stdout}${run.stderr}`.split('\n')[0]!.trim();
}

export interface NativeRun {
  /** TSV per page, in the order of `pages`. */
  tsv: string[];
  ms: number;
  /** CPU time (user + system) of all the processes. */
  cpuMs: number;
}

/**
 * Reads `pages` with `processes` parallel tesseract processes. The pages are written as greyscale PNGs
 * with their resolution (the same pixels the pool gets) before the clock starts.
 */
export async function runNative(
  pages: readonly BenchPage[],
  processes: number,
  tessdata: Tessdata,
  segmentation: PageSegmentation,
): Promise<NativeRun> {
  const dir = mkdtempSync(join(tmpdir(), 'intake-bench-ocr-'));
  try {
    const files = pages.map((page, i) => {
      const file = join(dir, `page-${String(i).padStart(3, '0')}.png`);
      writeFileSync(file, encodeGreyPng(page.image, page.dpi));
      return file;
    });
    const lanes = balance(pages, processes);
    const started = performance.now();
    const outputs = await Promise.all(
      lanes.map(async (lane, n) => {
        const list = join(dir, `lane-${n}.txt`);
        writeFileSync(list, `${lane.map((i) => files[i]).join('\n')}\n`);
        const base = join(dir, `lane-${n}`);
        const cpuMs = await tesseract(
          [
            list,
            base,
            '--tessdata-dir',
            tessdata.dir,
            '-l',
            tessdata.languages.join('+'),
            '--oem',
            '1',
            '--psm',
            PSM[segmentation],
            '-c',
            'debug_file=/dev/null',
            // The "tsv" config file lives in the system's tessdata; this is what it sets.
            '-c',
            'tessedit_create_tsv=1',
          ],
          lane.length > 0,
        );
        return { cpuMs, tsv: lane.length > 0 ? splitPages(readFileSync(`${base}.tsv`, 'utf8')) : [] };
      }),
    );
    const ms = performance.now() - started;
    const tsv = new Array<string>(pages.length).fill('');
    lanes.forEach((lane, n) => lane.forEach((page, k) => (tsv[page] = outputs[n]!.tsv[k] ?? '')));
    return { tsv, ms, cpuMs: outputs.reduce((sum, o) => sum + o.cpuMs, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Spreads pages over the processes by pixel count, largest first, so they finish together. */
function balance(pages: readonly BenchPage[], processes: number): number[][] {
  const lanes = Array.from({ length: processes }, () => ({ pixels: 0, pages: [] as number[] }));
  const order = pages.map((_, i) => i).sort((a, b) => pixels(pages[b]!) - pixels(pages[a]!));
  for (const i of order) {
    const lane = lanes.reduce((least, l) => (l.pixels < least.pixels ? l : least));
    lane.pages.push(i);
    lane.pixels += pixels(pages[i]!);
  }
  // Each lane keeps the pages in their original order, as the TSV's page numbers follow the list.
  return lanes.map((l) => l.pages.sort((a, b) => a - b));
}

const pixels = (page: BenchPage) => page.image.width * page.image.height;

/** A list file's TSV has all pages in one file, numbered in column 2 from 1. */
function splitPages(tsv: string): string[] {
  const pages: string[][] = [];
  for (const row of tsv.split('\n')) {
    const page = Number(row.split('\t')[1]);
    if (!Number.isInteger(page) || page < 1) continue;
    (pages[page - 1] ??= []).push(row);
  }
  return Array.from(pages, (rows) => (rows ?? []).join('\n'));
}

/**
 * Runs one tesseract process; resolves with its CPU time, which bash's `times` reports for its
 * children (the machine may be busy with other work, which wall time cannot tell apart).
 */
function tesseract(args: string[], run: boolean): Promise<number> {
  if (!run) return Promise.resolve(0);
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', 'tesseract "$@" >/dev/null && times', 'bash', ...args], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`tesseract exited with ${code}: ${stderr}`));
      // Second line of `times`: the children's user and system time, "0m5.974s 0m0.277s".
      const children = stdout.trim().split('\n').at(-1) ?? '';
      const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      resolve(seconds.reduce((sum, v) => sum + v, 0) * 1000);
    });
  });
}
