import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Box, FileFormat, OcrWord } from '../domain/document.ts';
import { locateText } from '../ocr/evidence-boxes.ts';
import { decodeRaster, decodeTiffPage, type GreyImage } from '../ocr/grey-image.ts';
import { openPdfRenderer } from '../ocr/render-pdf-page.ts';

/** Resolution pages are shown at: readable on a screen, small enough to load quickly. */
export const VIEW_DPI = 110;

/** A page image as PNG with the size its evidence boxes are measured in (PDF points or image pixels). */
export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
}

/** Renders page `page` (1-based) of a PDF or image file as PNG; null for formats without pages. */
export async function renderPage(bytes: Buffer, format: FileFormat, page: number): Promise<PageImage | null> {
  if (format === 'pdf') {
    const pdf = await openPdfRenderer(bytes);
    try {
      if (page < 1 || page > pdf.pageCount) return null;
      const size = await pdf.pageSize(page);
      return { png: await greyToPng(await pdf.render(page, VIEW_DPI)), ...size };
    } finally {
      await pdf.close();
    }
  }
  if (format === 'png' || format === 'jpeg') {
    if (page !== 1) return null;
    const grey = await decodeRaster(bytes);
    return { png: await greyToPng(grey), width: grey.width, height: grey.height };
  }
  if (format === 'tiff') {
    const grey = decodeTiffPage(bytes, page);
    return { png: await greyToPng(grey), width: grey.width, height: grey.height };
  }
  return null;
}

async function greyToPng(grey: GreyImage): Promise<Buffer> {
  const canvas = createCanvas(grey.width, grey.height);
  const context = canvas.getContext('2d');
  const image = context.createImageData(grey.width, grey.height);
  for (let i = 0; i < grey.data.length; i++) {
    const v = grey.data[i]!;
    image.data[i * 4] = v;
    image.data[i * 4 + 1] = v;
    image.data[i * 4 + 2] = v;
    image.data[i * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  return canvas.encode('png');
}

/** Page sizes (points) of a PDF and a finder for text on its text layer, for evidence boxes. */
export interface PdfTextLayer {
  sizes: Array<{ width: number; height: number }>;
  /** Text runs (boxes in points, origin top left) of the pages read, by page number. */
  runs: Map<number, OcrWord[]>;
  /** The box around `text` on `page`, or null when it is not there (or the page's text was not read). */
  locate(page: number, text: string): Box | null;
}

/**
 * Reads a PDF's page sizes, and the text runs with their positions of the pages in `textPages`
 * (all when absent): reading a page's text costs far more than its size, and a long document's
 * evidence sits on a few pages. Null when pdf.js cannot open it.
 */
export async function readPdfTextLayer(
  bytes: Buffer,
  textPages?: ReadonlySet<number>,
): Promise<PdfTextLayer | null> {
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  } catch {
    return null;
  }
  try {
    const sizes: PdfTextLayer['sizes'] = [];
    const runs = new Map<number, OcrWord[]>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      sizes.push({ width: viewport.width, height: viewport.height });
      if (textPages && !textPages.has(n)) continue;
      const content = await page.getTextContent();
      const words: OcrWord[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [x, baseline] = viewport.convertToViewportPoint(
          item.transform[4] as number,
          item.transform[5] as number,
        );
        const height = item.height > 0 ? item.height : Math.abs(item.transform[3] as number);
        words.push({
          text: item.str,
          confidence: 1,
          box: { x: x!, y: baseline! - height, width: item.width, height },
        });
      }
      // Reading order, as the reader laid the lines out: top to bottom, then left to right.
      words.sort((a, b) => Math.round(a.box.y / 3) - Math.round(b.box.y / 3) || a.box.x - b.box.x);
      runs.set(n, words);
      page.cleanup();
    }
    return textLayer(sizes, runs);
  } finally {
    await doc.destroy();
  }
}

/** A text layer over the given sizes and runs (more pages' runs may be added to `runs` later). */
export function textLayer(sizes: PdfTextLayer['sizes'], runs: Map<number, OcrWord[]>): PdfTextLayer {
  return {
    sizes,
    runs,
    locate: (page, text) =>
      locateText({ page, text: '', method: 'ocr', confidence: null, words: runs.get(page) ?? [] }, text),
  };
}
