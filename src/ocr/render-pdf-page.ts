import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { greyFromRgba, limitPixels, MAX_OCR_PIXELS, type GreyImage } from './grey-image.ts';
import { PdfObjects } from './pdf-objects.ts';
import { scanPageImage, type ScanImage } from './scan-page-image.ts';
import { multiply, type Matrix } from './pdf-matrix.ts';

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
  /**
   * The resolution of the largest image drawn on a page (a scan's own DPI: its pixels over the size it
   * is drawn at), or null when the page draws no image. Rendering at this resolution neither throws
   * away the scan's detail nor adds interpolation blur.
   */
  imageDpi(page: number): Promise<number | null>;
  /** Renders page `page` (1-based) at `dpi`, white background, annotations (filled fields) included. */
  render(page: number, dpi: number): Promise<GreyImage>;
  /**
   * The page as OCR wants it, each page decoded once: a page that is one scanned image is taken
   * from the image itself (JPEG decoded natively, the DPI from its own size), any other page is
   * rendered by pdf.js at `chooseDpi` of its largest image's resolution. `via` says which.
   */
  renderForOcr(
    page: number,
    chooseDpi: (imageDpi: number | null) => number,
  ): Promise<{ image: GreyImage; dpi: number; via: 'scan-image' | 'pdf.js' }>;
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
  /** The file's objects, read on the first OCR'd page; null when this reader cannot follow the file. */
  let objects: PdfObjects | null | undefined;
  /** The page's one scanned image, or null; a file this reader cannot follow is pdf.js's to render. */
  const scanImageOf = (page: PDFPageProxy): ScanImage | null => {
    try {
      if (objects === undefined) {
        objects = null;
        objects = new PdfObjects(bytes);
      }
      if (!objects || !page.ref) return null;
      return scanPageImage(objects, { ref: page.ref, view: page.view, rotate: page.rotate });
    } catch {
      return null;
    }
  };
  return {
    pageCount: doc.numPages,
    async pageSize(number: number) {
      const page = await doc.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      return { width, height };
    },
    async imageDpi(number: number): Promise<number | null> {
      const page = await doc.getPage(number);
      try {
        const { fnArray, argsArray } = await page.getOperatorList();
        return largestImageDpi(fnArray, argsArray as unknown[][]);
      } finally {
        page.cleanup();
      }
    },
    async render(number: number, dpi: number): Promise<GreyImage> {
      const page = await doc.getPage(number);
      try {
        return await drawPage(page, dpi);
      } finally {
        page.cleanup();
      }
    },
    async renderForOcr(number, chooseDpi) {
      const page = await doc.getPage(number);
      const scan = scanImageOf(page);
      if (scan) {
        const dpi = chooseDpi(Math.round(scan.dpi));
        const { width, height } = page.getViewport({ scale: 1 });
        return { image: await decodeScan(scan, pagePixels(width, height, dpi)), dpi, via: 'scan-image' };
      }
      try {
        // One operator list for both: render reuses it and the images it decoded (no cleanup between).
        const { fnArray, argsArray } = await page.getOperatorList();
        const dpi = chooseDpi(largestImageDpi(fnArray, argsArray as unknown[][]));
        return { image: await drawPage(page, dpi), dpi, via: 'pdf.js' };
      } finally {
        page.cleanup();
      }
    },
    async close(): Promise<void> {
      await task.destroy();
    },
  };
}

/** The raster size pdf.js renders a page of this many points at `dpi`, within MAX_OCR_PIXELS. */
function pagePixels(
  widthPt: number,
  heightPt: number,
  dpi: number,
): { width: number; height: number; scale: number } {
  let scale = dpi / POINTS_PER_INCH;
  // A page drawn huge (a poster, a mis-sized scan) must not blow the memory bound.
  const pixels = widthPt * heightPt * scale * scale;
  if (pixels > MAX_OCR_PIXELS) scale *= Math.sqrt(MAX_OCR_PIXELS / pixels);
  return {
    width: Math.max(1, Math.floor(widthPt * scale)),
    height: Math.max(1, Math.floor(heightPt * scale)),
    scale,
  };
}

async function drawPage(page: PDFPageProxy, dpi: number): Promise<GreyImage> {
  const base = page.getViewport({ scale: 1 });
  const { width, height, scale } = pagePixels(base.width, base.height, dpi);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  // pdf.js is typed against the DOM canvas; @napi-rs/canvas implements the same 2D API.
  const params = { canvas, canvasContext: context, viewport, background: '#ffffff' };
  await page.render(params as unknown as Parameters<typeof page.render>[0]).promise;
  const { data } = context.getImageData(0, 0, width, height);
  return limitPixels(greyFromRgba(data, width, height));
}

/**
 * A scan's image as a greyscale raster of `size`: JPEG decoded natively by @napi-rs/canvas, raw
 * pixels taken as they are; scaled (natively) only when `size` differs from the image's own.
 */
async function decodeScan(scan: ScanImage, size: { width: number; height: number }): Promise<GreyImage> {
  const same = size.width === scan.width && size.height === scan.height;
  if (scan.kind === 'raw' && same) return greyFromPixels(scan.pixels, scan.channels, scan.width, scan.height);
  const canvas = createCanvas(size.width, size.height);
  const context: SKRSContext2D = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  if (scan.kind === 'jpeg') {
    context.drawImage(await loadImage(Buffer.from(scan.bytes)), 0, 0, size.width, size.height);
  } else {
    const source = createCanvas(scan.width, scan.height);
    const rgba = source.getContext('2d').createImageData(scan.width, scan.height);
    const grey = greyFromPixels(scan.pixels, scan.channels, scan.width, scan.height).data;
    for (let p = 0, i = 0; p < grey.length; p++, i += 4) {
      rgba.data[i] = rgba.data[i + 1] = rgba.data[i + 2] = grey[p]!;
      rgba.data[i + 3] = 255;
    }
    source.getContext('2d').putImageData(rgba, 0, 0);
    context.drawImage(source, 0, 0, size.width, size.height);
  }
  const { data } = context.getImageData(0, 0, size.width, size.height);
  return greyFromRgba(data, size.width, size.height);
}

/** 8-bit grey or RGB pixels as a GreyImage (the luma weights of greyFromRgba). */
function greyFromPixels(pixels: Uint8Array, channels: 1 | 3, width: number, height: number): GreyImage {
  if (channels === 1) return { width, height, data: pixels.slice(0, width * height) };
  const data = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < data.length; p++, i += 3) {
    data[p] = (pixels[i]! * 77 + pixels[i + 1]! * 150 + pixels[i + 2]! * 29) >> 8;
  }
  return { width, height, data };
}

/**
 * Follows the current transformation through save/transform/restore and, for each image painted,
 * relates its pixel size to the size it is drawn at (the unit square through the matrix, in points).
 * The largest image (by drawn area) wins: a scan's page image, not a logo beside it.
 */
export function largestImageDpi(fnArray: readonly number[], argsArray: readonly unknown[][]): number | null {
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let best: { area: number; dpi: number } | null = null;
  for (let i = 0; i < fnArray.length; i++) {
    const op = fnArray[i];
    const args = argsArray[i] ?? [];
    if (op === OPS.save) stack.push(ctm);
    else if (op === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (op === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject) {
      const [pixelsWide, pixelsHigh] =
        op === OPS.paintImageXObject
          ? [Number(args[1]), Number(args[2])]
          : [
              Number((args[0] as { width?: number })?.width),
              Number((args[0] as { height?: number })?.height),
            ];
      const drawnWide = Math.hypot(ctm[0], ctm[1]);
      const drawnHigh = Math.hypot(ctm[2], ctm[3]);
      if (!(pixelsWide > 0 && pixelsHigh > 0 && drawnWide > 0 && drawnHigh > 0)) continue;
      const dpi = Math.min(pixelsWide / drawnWide, pixelsHigh / drawnHigh) * POINTS_PER_INCH;
      const area = drawnWide * drawnHigh;
      if (!best || area > best.area) best = { area, dpi };
    }
  }
  return best ? Math.round(best.dpi) : null;
}
