/**
 * Where intake's OCR path spends its CPU, page by page, one page at a time (`npm run bench:ocr --
 * --stages`): reading the file (text layer, which pages need OCR), decoding or rendering the page,
 * preparing it (noise, skew, deskew), recognition (the engine: tesseract.js's threads, or the
 * native command's processes), and laying the words out into lines. The first page of a run also
 * pays for loading the decoders and pdf.js: that part is counted in its stages and also given alone.
 */
import { createOcrEngine, type EngineChoice } from '../../src/ocr/choose-engine.ts';
import { openPageSource, preparePage } from '../../src/ocr/ocr-document.ts';
import { ocrTextPage } from '../../src/ocr/ocr-page.ts';
import { readDocument } from '../../src/read/read-document.ts';
import { cpuSeconds, type ScannedFile } from './scanned-files.ts';

export const STAGES = ['read', 'decode', 'prepare', 'recognise', 'layout'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageProfile {
  engine: string;
  pages: number;
  /** CPU seconds per stage over every page (a file's read counted once, with its first page). */
  seconds: Record<Stage, number>;
  /** CPU seconds of the first page's read and decode, which load pdf.js and the image decoders. */
  firstPageLoad: number;
}

export async function profileStages(
  files: readonly ScannedFile[],
  choice: EngineChoice,
): Promise<StageProfile> {
  const { engine, description } = createOcrEngine({ choice, workers: 1 });
  const seconds = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  let pages = 0;
  let firstPageLoad = 0;
  const timed = async <T>(stage: Stage, work: () => Promise<T> | T): Promise<T> => {
    const before = cpuSeconds();
    const result = await work();
    const spent = cpuSeconds() - before;
    seconds[stage] += spent;
    if (pages === 0 && (stage === 'read' || stage === 'decode')) firstPageLoad += spent;
    return result;
  };
  try {
    for (const file of files) {
      const read = await timed('read', () => readDocument(file.bytes, file.path));
      const source = await openPageSource(read, file.bytes);
      try {
        for (const number of read.pagesNeedingOcr) {
          const page = await timed('decode', () => source.page(number));
          const { image, dpi, mapping } = await timed('prepare', () => preparePage(page));
          const result = await timed('recognise', () =>
            engine.recognize({ image, dpi, segmentation: 'auto' }),
          );
          await timed('layout', () => ocrTextPage(number, result.words, mapping));
          pages++;
        }
      } finally {
        await source.close();
      }
    }
  } finally {
    await engine.terminate();
  }
  return { engine: description, pages, seconds, firstPageLoad };
}
