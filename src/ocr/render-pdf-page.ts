import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { greyFromRgba, limitPixels, MAX_OCR_PIXELS, type GreyImage } from './grey-image.ts';

/** pdf.js's VerbosityLevel.ERRORS. */
const VERBOSITY_ERRORS = 0;
const POINTS_PER_INCH = 72;

/** The standard 14 fonts pdf.js draws unembedded Helvetica/Times with (a page may mix text and a scan). */
const STANDARD_FONTS = `${
  pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts'),
  ).pathname
}/`;

/** A PDF opened for rendering pages to greyscale rasters; close it when done. */
export interface PdfRenderer {
  pageCount: number;
  /** A page's size in points (its own coordinate space, which OCR boxes of PDF pages are given in). */
  pageSize(page: number): Promise<{ width: number; height: number }>;
  /** Renders page `page` (1-based) at `dpi`, white background, annotations (filled fields) included. */
  render(page: number, dpi: number): Promise<GreyImage>;
  close(): Promise<void>;
}

/** Opens a PDF for rendering. Throws what pdf.js throws for a broken file. */
export async function openPdfRenderer(bytes: Uint8Array): Promise<PdfRenderer> {
  const task = getDocument({
    // A copy: pdf.js may detach the buffer it is given.
    data: new Uint8Array(bytes),
    verbosity: VERBOSITY_ERRORS,
    isEvalSupported: false,
    standardFontDataUrl: STANDARD_FONTS,
    enableXfa: false,
    stopAtErrors: false,
  });
  const doc: PDFDocumentProxy = await task.promise;
  return {
    pageCount: doc.numPages,
    async pageSize(number: number) {
      const page = await doc.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      return { width, height };
    },
    async render(number: number, dpi: number): Promise<GreyImage> {
      const page = await doc.getPage(number);
      try {
        let scale = dpi / POINTS_PER_INCH;
        const base = page.getViewport({ scale: 1 });
        // A page drawn huge (a poster, a mis-sized scan) must not blow the memory bound.
        const pixels = base.width * base.height * scale * scale;
        if (pixels > MAX_OCR_PIXELS) scale *= Math.sqrt(MAX_OCR_PIXELS / pixels);
        const viewport = page.getViewport({ scale });
        const width = Math.max(1, Math.floor(viewport.width));
        const height = Math.max(1, Math.floor(viewport.height));
        const canvas = createCanvas(width, height);
        const context = canvas.getContext('2d');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, width, height);
        // pdf.js is typed against the DOM canvas; @napi-rs/canvas implements the same 2D API.
        const params = { canvas, canvasContext: context, viewport, background: '#ffffff' };
        await page.render(params as unknown as Parameters<typeof page.render>[0]).promise;
        const { data } = context.getImageData(0, 0, width, height);
        return limitPixels(greyFromRgba(data, width, height));
      } finally {
        page.cleanup();
      }
    },
    async close(): Promise<void> {
      await task.destroy();
    },
  };
}
