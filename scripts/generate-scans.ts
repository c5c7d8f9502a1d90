/**
 * Writes the scanned twins of born-digital samples (samples/<year>/<twin>-skannet/) and their golden
 * records (test/golden/<twin>-skannet.json), made from the twin's golden: the same expected fields and
 * findings, only the document paths changed. Deterministic: two runs give byte-identical files.
 * Run it after `npm run samples`, which clears samples/ and test/golden/.
 *
 *   npm run samples:scans [-- TWIN-SLUG...]
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as prettier from 'prettier';

import type { GreyImage } from '../src/ocr/grey-image.ts';
import { openPdfRenderer } from '../src/ocr/render-pdf-page.ts';
import { scannedTwins, type ScanFile, type ScannedTwin } from './scans/catalogue.ts';
import { degrade } from './scans/degrade.ts';
import {
  encodeBilevelTiff,
  encodeGreyPng,
  encodeJpeg,
  imagePdf,
  replacePagesWithScans,
  type ScannedPdfPage,
} from './scans/encode.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const samplesDir = path.join(repoRoot, 'samples');
const goldenDir = path.join(repoRoot, 'test', 'golden');

interface Golden {
  source: string;
  expected: Record<string, unknown>;
  documents: Array<{ path: string; type: string }>;
  findings: unknown[];
  notes?: string;
}

/** FNV-1a, so each file's noise has its own fixed seed. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

interface ScannedPage {
  image: GreyImage;
  widthPt: number;
  heightPt: number;
}

async function scanPages(
  pdf: Buffer,
  file: ScanFile,
  seedKey: string,
  pages?: number[],
): Promise<Map<number, ScannedPage>> {
  const renderer = await openPdfRenderer(pdf);
  try {
    const out = new Map<number, ScannedPage>();
    const numbers = pages ?? Array.from({ length: renderer.pageCount }, (_, i) => i + 1);
    for (const number of numbers) {
      const size = await renderer.pageSize(number);
      const clean = await renderer.render(number, file.dpi);
      const image = degrade(clean, file.look, seedOf(`${seedKey}#${number}`));
      out.set(number, { image, widthPt: size.width, heightPt: size.height });
    }
    return out;
  } finally {
    await renderer.close();
  }
}

async function pageObjectNumbers(pdf: Buffer): Promise<number[]> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  try {
    const numbers: number[] = [];
    for (let i = 1; i <= doc.numPages; i++) numbers.push((await doc.getPage(i)).ref?.num ?? -1);
    return numbers;
  } finally {
    await task.destroy();
  }
}

async function scanFile(original: Buffer, file: ScanFile, seedKey: string, date: string): Promise<Buffer> {
  const quality = file.quality ?? 0.7;
  switch (file.format) {
    case 'png': {
      const [page] = (await scanPages(original, file, seedKey)).values();
      return encodeGreyPng(page!.image, file.dpi);
    }
    case 'jpeg': {
      const [page] = (await scanPages(original, file, seedKey)).values();
      return encodeJpeg(page!.image, quality);
    }
    case 'tiff': {
      const pages = [...(await scanPages(original, file, seedKey)).values()];
      return encodeBilevelTiff(
        pages.map((p) => p.image),
        file.dpi,
      );
    }
    case 'pdf': {
      const pages: ScannedPdfPage[] = [...(await scanPages(original, file, seedKey)).values()].map(
        (p, i) => ({
          widthPt: p.widthPt,
          heightPt: p.heightPt,
          jpeg: encodeJpeg(p.image, quality),
          ...(i === 0 && file.textLayer ? { textLayer: file.textLayer } : {}),
        }),
      );
      return imagePdf(pages, file.to, date);
    }
    case 'mixed-pdf': {
      const objects = await pageObjectNumbers(original);
      const scans = await scanPages(original, file, seedKey, file.scannedPages);
      return replacePagesWithScans(
        original,
        new Map(
          [...scans].map(([number, p]) => [
            number,
            {
              objectNumber: objects[number - 1]!,
              widthPt: p.widthPt,
              heightPt: p.heightPt,
              jpeg: encodeJpeg(p.image, quality),
              size: [p.image.width, p.image.height] as [number, number],
            },
          ]),
        ),
      );
    }
  }
}

async function writeTwin(entry: ScannedTwin, golden: Golden): Promise<string> {
  const twinDir = path.join(samplesDir, golden.source);
  const source = `${golden.source}-skannet`;
  const outDir = path.join(samplesDir, source);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const date = `${golden.source.slice(0, 4)}-02-20`;
  const renamed = new Map<string, string>();
  const names = new Set(golden.documents.map((d) => path.posix.basename(d.path)));
  for (const name of names) {
    const file = entry.files.find((f) => f.from === name);
    const original = await readFile(path.join(twinDir, name));
    if (!file) throw new Error(`${entry.twin}: no scan rule for ${name} (copying would make a duplicate)`);
    const scanned = await scanFile(original, file, `${source}/${file.to}`, date);
    await writeFile(path.join(outDir, file.to), scanned);
    renamed.set(`${golden.source}/${name}`, `${source}/${file.to}`);
  }
  const scannedGolden: Golden = {
    source,
    expected: golden.expected,
    documents: golden.documents
      .map((d) => ({ ...d, path: renamed.get(d.path)! }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    findings: golden.findings,
    notes: `Scanned twin of ${golden.source}. ${entry.notes}`,
  };
  const options = (await prettier.resolveConfig(path.join(goldenDir, 'x.json'))) ?? {};
  const json = await prettier.format(JSON.stringify(scannedGolden, null, 2), { ...options, parser: 'json' });
  await writeFile(path.join(goldenDir, `${entry.twin}-skannet.json`), json);
  return source;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const entries = wanted.length > 0 ? scannedTwins.filter((t) => wanted.includes(t.twin)) : scannedTwins;
  const unknown = wanted.filter((slug) => !scannedTwins.some((t) => t.twin === slug));
  if (unknown.length > 0) throw new Error(`no scanned twin defined for: ${unknown.join(', ')}`);
  let written = 0;
  for (const entry of entries) {
    const goldenFile = path.join(goldenDir, `${entry.twin}.json`);
    if (!existsSync(goldenFile)) {
      console.warn(`skipped ${entry.twin}: no golden record yet (run npm run samples first)`);
      continue;
    }
    const golden = JSON.parse(await readFile(goldenFile, 'utf8')) as Golden;
    console.log(`wrote ${await writeTwin(entry, golden)}`);
    written++;
  }
  console.log(`wrote ${written} scanned submissions to samples/ and test/golden/`);
}

await main();
