/**
 * The bench's pages: every page of the scanned samples that the pipeline OCRs, prepared exactly as the
 * pipeline prepares it (rendered at the scan's own resolution or decoded, then deskewed), each with the
 * known text of the same page in its born-digital twin.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { GreyImage } from '../../src/ocr/grey-image.ts';
import { openPageSource, preparePage } from '../../src/ocr/ocr-document.ts';
import { openPdfRenderer } from '../../src/ocr/render-pdf-page.ts';
import { readDocument } from '../../src/read/read-document.ts';
import { scannedTwins } from '../../scripts/scans/catalogue.ts';

export interface BenchPage {
  /** "2021/orland-voksne-act-clean-skannet/soknad.pdf#1". */
  name: string;
  image: GreyImage;
  dpi: number;
  /** The twin page's text layer. */
  truth: string;
}

/**
 * Collects the pages from samples/. `forceDpi` renders scanned PDF pages at that resolution instead of
 * the scan's own (to measure the choice); image files are always read as they are.
 */
export async function benchPages(samplesDir: string, forceDpi?: number): Promise<BenchPage[]> {
  const pages: BenchPage[] = [];
  for (const twin of scannedTwins) {
    const year = yearOf(samplesDir, twin.twin);
    for (const file of twin.files) {
      const scannedPath = join(samplesDir, year, `${twin.twin}-skannet`, file.to);
      const bytes = readFileSync(scannedPath);
      const read = await readDocument(bytes, scannedPath);
      const twinBytes = readFileSync(join(samplesDir, year, twin.twin, file.from));
      const known = await readDocument(twinBytes, file.from);
      const source =
        forceDpi && read.format === 'pdf'
          ? await fixedDpiSource(bytes, forceDpi)
          : await openPageSource(read, bytes);
      try {
        for (const number of read.pagesNeedingOcr) {
          const { image, dpi } = preparePage(await source.page(number));
          const truth = known.pages.find((p) => p.page === number)?.text ?? '';
          pages.push({ name: `${year}/${twin.twin}-skannet/${file.to}#${number}`, image, dpi, truth });
        }
      } finally {
        await source.close();
      }
    }
  }
  return pages;
}

async function fixedDpiSource(bytes: Buffer, dpi: number) {
  const renderer = await openPdfRenderer(bytes);
  return {
    page: async (number: number) => {
      const image = await renderer.render(number, dpi);
      const size = await renderer.pageSize(number);
      return { image, dpi, scale: size.width / image.width };
    },
    close: () => renderer.close(),
  };
}

/** The year folder a scanned sample lives in. */
function yearOf(samplesDir: string, slug: string): string {
  const year = readdirSync(samplesDir).find((y) => existsSync(join(samplesDir, y, `${slug}-skannet`)));
  if (!year) throw new Error(`scanned sample ${slug}-skannet not found under ${samplesDir}`);
  return year;
}
