/**
 * Reading order and orientation: pages whose text the engine reads well but whose layout decides
 * the result (two columns of prose; newsletters of two and three columns with sub-headings, as
 * scanned; a letter turned 90°, 180°, 270°), read by the pipeline (OSD,
 * turn, layout) and by the native command with its own orientation detection and reading order
 * (`--psm 1`, plain text), both scored against the page's text in reading order.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { prepareTessdata } from '../../src/ocr/language-data.ts';
import { ocrPage } from '../../src/ocr/ocr-document.ts';
import { OcrPool } from '../../src/ocr/ocr-pool.ts';
import {
  newsletterScan,
  turnedScan,
  twoColumnScan,
  type ScanWithText,
} from '../../scripts/hostile/wild-scans.ts';
import type { ScanLook } from '../../scripts/scans/degrade.ts';
import { encodeGreyPng } from '../../scripts/scans/encode.ts';
import { accuracy, tally } from './char-accuracy.ts';

/** An office scanner: grey paper, toner not quite black, a little noise and dust, tilted 0.6°. */
const SCANNED: ScanLook = {
  skewDegrees: 0.6,
  paper: 232,
  shading: 20,
  ink: 40,
  noise: 8,
  specks: 20,
  blur: true,
};

export interface LayoutResult {
  name: string;
  pool: number;
  native: number | null;
  /** The page confidence the pipeline gives. */
  confidence: number | null;
}

/** The layout pages and what each engine made of them; `native` false skips the native command. */
export async function runLayoutBench(workers: number, native: boolean): Promise<LayoutResult[]> {
  const pages: Array<[string, ScanWithText]> = [
    ['two columns under a heading', await twoColumnScan()],
    ['newsletter, 2 columns, scanned', await newsletterScan(2, SCANNED)],
    ['newsletter, 3 columns, scanned', await newsletterScan(3, SCANNED)],
    ['letter upright', await turnedScan(0)],
    ['letter turned 90°', await turnedScan(90)],
    ['letter turned 180°', await turnedScan(180)],
    ['letter turned 270°', await turnedScan(270)],
  ];
  const score = (text: string, truth: string) => accuracy(tally([{ read: text, truth }]));
  const pool = new OcrPool({ workers });
  let read;
  try {
    read = await Promise.all(
      pages.map(([, scan]) => ocrPage(1, { image: scan.image, dpi: scan.dpi, scale: 1 }, pool, 'auto')),
    );
  } finally {
    await pool.terminate();
  }
  const nativeText = native ? nativeTexts(pages.map(([, scan]) => scan)) : null;
  return pages.map(([name, scan], i) => ({
    name,
    pool: score(read[i]!.text, scan.truth),
    native: nativeText ? score(nativeText[i]!, scan.truth) : null,
    confidence: read[i]!.confidence,
  }));
}

/** The native command's plain text of each page, with automatic segmentation and OSD (PSM 1). */
function nativeTexts(scans: readonly ScanWithText[]): string[] {
  const tessdata = prepareTessdata(['nor', 'eng', 'osd']);
  const dir = mkdtempSync(join(tmpdir(), 'intake-bench-layout-'));
  try {
    return scans.map((scan, i) => {
      const file = join(dir, `page-${i}.png`);
      writeFileSync(file, encodeGreyPng(scan.image, scan.dpi));
      const run = spawnSync(
        'tesseract',
        [file, 'stdout', '--tessdata-dir', tessdata.dir, '-l', 'nor+eng', '--oem', '1', '--psm', '1'],
        { encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
      );
      if (run.status !== 0) throw new Error(`tesseract exited with ${run.status}: ${run.stderr}`);
      return run.stdout;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
