import type { ReadDocument, TextPage } from '../domain/document.ts';
import { decodeRaster, decodeTiffPage, imageDpi, limitPixels, type GreyImage } from './grey-image.ts';
import { DEFAULT_OCR_DPI, SCAN_DPI_RANGE } from './ocr-defaults.ts';
import { technicalDetail } from '../read/read-error.ts';
import { hasText } from '../read/read-result.ts';
import { OcrSetupError } from './ocr-error.ts';
import { ocrTextPage, type BoxMapping } from './ocr-page.ts';
import type { OcrEngine, PageSegmentation } from './ocr-pool.ts';
import {
  estimateNoise,
  estimateSkew,
  median3,
  MIN_DESKEW_DEGREES,
  NOISY_SIGMA,
  rotateImage,
  unrotatePoint,
} from './preprocess.ts';
import { inverseTurn, turnImage, turnPoint, type QuarterTurn } from './quarter-turn.ts';
import { openPdfRenderer, type PdfRenderer } from './render-pdf-page.ts';

export { DEFAULT_OCR_DPI } from './ocr-defaults.ts';

export interface OcrDocumentOptions {
  /** Resolution PDF pages that draw no scanned image are rendered at (scans: their own, bounded). */
  dpi?: number;
  /** Page segmentation; default {@link DEFAULT_SEGMENTATION}. */
  segmentation?: PageSegmentation;
  /** Time (ms) the document's OCR may take; pages not started by then are left unread. */
  timeoutMs?: number;
}

/**
 * Automatic layout: measured on the scanned samples (README "OCR"), single-block mode tore bordered
 * form tables apart (a third of the text lost on such pages) and read letters no better.
 */
export const DEFAULT_SEGMENTATION: PageSegmentation = 'auto';

/** Resolution assumed for image files that do not say (phones and scanners mostly write 200-300). */
const ASSUMED_IMAGE_DPI = 200;
/** Pages of one document decoded and waiting for the engine at once; bounds memory on long scans. */
const PAGES_IN_FLIGHT = 4;

/**
 * Reads the pages a reader could not: every page in `pagesNeedingOcr` is rendered (PDF) or decoded
 * (PNG, JPEG, TIFF), deskewed, and read by the engine; its TextPage replaces the poor one. Pages with
 * a good text layer are never touched. `method` becomes 'ocr' when any page was OCR'd.
 *
 * A page that cannot be rendered or read keeps what it had; the document fails only when no page has
 * any text at all. An {@link OcrSetupError} (OCR cannot run anywhere) is thrown, not recorded.
 */
export async function ocrDocument(
  read: ReadDocument,
  bytes: Buffer,
  engine: OcrEngine,
  options: OcrDocumentOptions = {},
): Promise<ReadDocument> {
  if (read.failure || read.pagesNeedingOcr.length === 0) return read;
  const dpi = options.dpi ?? DEFAULT_OCR_DPI;
  const segmentation = options.segmentation ?? DEFAULT_SEGMENTATION;
  let source: PageSource;
  try {
    source = await openPageSource(read, bytes, dpi);
  } catch (error) {
    return withFailure(read, [], error);
  }
  const results = new Map<number, TextPage>();
  const errors: unknown[] = [];
  const deadline = performance.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
  let unread = 0;
  try {
    // Pages are decoded one at a time and read in parallel by the engine's workers, with only a few
    // decoded pages waiting at once: a 200-page scan must not sit in memory as 200 rasters.
    const inFlight = new Set<Promise<void>>();
    for (const [index, number] of read.pagesNeedingOcr.entries()) {
      while (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
      if (performance.now() >= deadline) {
        unread = read.pagesNeedingOcr.length - index;
        break;
      }
      const release = (await engine.pageSlots?.take()) ?? (() => undefined);
      let image: PageImage;
      try {
        image = await source.page(number);
      } catch (error) {
        release();
        errors.push(error);
        continue;
      }
      const job: Promise<void> = ocrPage(number, image, engine, segmentation)
        .then(
          (page) => void results.set(number, page),
          (error: unknown) => void errors.push(error),
        )
        .finally(() => {
          release();
          inFlight.delete(job);
        });
      inFlight.add(job);
    }
    await Promise.all(inFlight);
  } finally {
    await source.close();
  }
  const setup = errors.find((e) => e instanceof OcrSetupError);
  if (setup) throw setup;

  const pages = mergePages(read, results);
  const method = results.size > 0 ? 'ocr' : read.method;
  const updated: ReadDocument = { ...read, pages, method };
  if (unread > 0) {
    // What was read is kept for the reviewer; the document is flagged, never silently cut short.
    const seconds = Math.round((options.timeoutMs ?? 0) / 1000);
    return {
      ...updated,
      failure: {
        reason: 'timeout',
        message:
          `OCR av dokumentet tok for lang tid (over ${seconds} sekunder, grensen for OCR per dokument); ` +
          `${unread} av ${read.pagesNeedingOcr.length} skannede sider ble ikke lest.`,
      },
    };
  }
  if (errors.length > 0 && !pages.some((p) => p.text.trim() !== ''))
    return withFailure(updated, pages, errors[0]);
  if (!hasText(updated)) {
    // Blank pages, or nothing the engine could make out: a reviewer must look, as for any unreadable file.
    return {
      ...updated,
      method: 'none',
      pages: [],
      failure: { reason: 'empty', message: 'Det ble ikke funnet tekst i dokumentet, heller ikke med OCR.' },
    };
  }
  return updated;
}

/**
 * Reads one page image as it lies; only a reading that looks wrong (words standing on end, or a
 * poor mean confidence) makes the page's orientation a question: then OSD judges it, and the page
 * is read turned as OSD says when it is sure, else every plausible way, keeping the surest reading.
 * Most pages lie upright and cost one recognition and no OSD. The bench reads its layout pages
 * through this too.
 */
export async function ocrPage(
  number: number,
  page: PageImage,
  engine: OcrEngine,
  segmentation: PageSegmentation,
): Promise<TextPage> {
  const read = async (degrees: QuarterTurn) => {
    const { image, dpi, mapping } = preparePage(turnPage(page, degrees));
    const result = await engine.recognize({ image, dpi, segmentation });
    return { degrees, text: ocrTextPage(number, result.words, mapping), confidence: result.meanConfidence };
  };
  const upright = await read(0);
  const sideways = looksSideways(upright.text);
  // A blank page (a scanned back side) or a stamp has nothing to turn.
  if (upright.text.words.length < MIN_WORDS_TO_ORIENT) return upright.text;
  if (!sideways && upright.confidence >= POOR_PAGE_CONFIDENCE) return upright.text;

  const orientation = await engine.detectOrientation?.({ image: page.image, dpi: page.dpi });
  if (orientation && orientation.confidence >= SURE_TURN_CONFIDENCE) {
    if (orientation.degrees === 0) return sideways ? doubtful(upright.text) : upright.text;
    return (await read(orientation.degrees)).text;
  }
  // OSD unsure, or no judgement (too little text): the turns that fit what the reading shows, and
  // OSD's guess. Words on end are read with high confidence but in no order, so the page as it
  // lies is then no candidate.
  const turns = new Set<QuarterTurn>(sideways ? [90, 270] : [180]);
  if (orientation && orientation.confidence >= MIN_TURN_CONFIDENCE && orientation.degrees !== 0) {
    turns.add(orientation.degrees);
  }
  let best = sideways ? null : upright;
  for (const degrees of turns) {
    const other = await read(degrees);
    if (!best || other.confidence > best.confidence) best = other;
  }
  best ??= upright;
  // A poor page that reads best as it lies keeps its own (low) confidence; a turn made on a guess,
  // or words on end, make the page doubtful.
  return sideways || best.degrees !== 0 ? doubtful(best.text) : upright.text;
}

/**
 * OSD's confidence below which its guess is not even tried: sparse pages (a stamp, a signature line)
 * give OSD little to judge.
 */
const MIN_TURN_CONFIDENCE = 2;
/** Tesseract's own margin for trusting OSD (min_orientation_margin); below it the turns are tried. */
const SURE_TURN_CONFIDENCE = 7;
/** Fewer words than this are not worth turning the page for. */
const MIN_WORDS_TO_ORIENT = 5;
/** Tesseract's mean confidence (0-100) under which a reading may be of a page upside down. */
const POOR_PAGE_CONFIDENCE = 60;

/**
 * True when most longer words stand on end (taller than wide): what the engine makes of a page
 * lying on its side, read as it lies. Upright text has none such.
 */
export function looksSideways(page: TextPage): boolean {
  const long = page.words.filter((w) => [...w.text].length >= 4);
  const onEnd = long.filter((w) => w.box.height > 1.5 * w.box.width);
  return long.length >= 5 && onEnd.length >= 0.5 * long.length;
}

/** The confidence of a page whose orientation is a guess: below the LOW_CONFIDENCE threshold. */
const DOUBTFUL_CONFIDENCE = 0.5;

/** A page whose orientation was uncertain: no word on it counts as surer than a guess. */
function doubtful(page: TextPage): TextPage {
  const words = page.words.map((w) => ({ ...w, confidence: Math.min(w.confidence, DOUBTFUL_CONFIDENCE) }));
  return {
    ...page,
    words,
    confidence: page.confidence === null ? null : Math.min(page.confidence, DOUBTFUL_CONFIDENCE),
  };
}

/** The page turned upright; its boxes map back to the page as scanned. */
function turnPage(page: PageImage, degrees: QuarterTurn): PageImage {
  if (degrees === 0) return page;
  const image = turnImage(page.image, degrees);
  const back = inverseTurn(degrees);
  return { ...page, image, turnBack: (x, y) => turnPoint(x, y, image.width, image.height, back) };
}

/** A page as the engine is given it, and how its pixels map back to the page's own space. */
export interface PreparedPage {
  image: GreyImage;
  dpi: number;
  mapping: BoxMapping;
}

/**
 * Filters sensor noise when the page is noisy, and deskews it when it is measurably tilted (the bench
 * prepares its pages with this too). The filter keeps the image's geometry, so boxes need no mapping.
 */
export function preparePage({ image: scanned, dpi, scale, turnBack }: PageImage): PreparedPage {
  const mapping: BoxMapping = { scale, toOriginal: turnBack };
  const image = estimateNoise(scanned) >= NOISY_SIGMA ? median3(scanned) : scanned;
  const skew = estimateSkew(image);
  if (Math.abs(skew) < MIN_DESKEW_DEGREES) return { image, dpi, mapping };
  mapping.toOriginal = (x, y) => {
    const unskewed = unrotatePoint(x, y, -skew, image.width, image.height);
    return turnBack ? turnBack(unskewed.x, unskewed.y) : unskewed;
  };
  return { image: rotateImage(image, -skew), dpi, mapping };
}

/** The OCR'd pages in place of the poor ones, in page order (image files start with none). */
function mergePages(read: ReadDocument, results: Map<number, TextPage>): TextPage[] {
  const pages = read.pages.map((p) => results.get(p.page) ?? p);
  for (const [number, page] of results) if (!pages.some((p) => p.page === number)) pages.push(page);
  return pages.sort((a, b) => a.page - b.page);
}

function withFailure(read: ReadDocument, pages: TextPage[], error: unknown): ReadDocument {
  // The decoder's own words ("e", "window is not defined") are for the log, not the reviewer.
  return {
    ...read,
    pages,
    method: 'none',
    failure: {
      reason: 'corrupt',
      message: 'Dokumentet er skannet, men sidene kunne ikke gjøres om til bilder for OCR.',
      detail: technicalDetail(error),
    },
  };
}

/** A page as a greyscale image, its resolution, and the factor from its pixels to the page's space. */
export interface PageImage {
  image: GreyImage;
  dpi: number;
  scale: number;
  /** For a page turned upright before OCR: a point of the turned image on the page as scanned. */
  turnBack?: (x: number, y: number) => { x: number; y: number };
}

export interface PageSource {
  page(number: number): Promise<PageImage>;
  close(): Promise<void>;
}

/** An image file's page, scaled down if huge; boxes stay in the file's own pixels. */
function imagePage(
  decoded: GreyImage,
  bytes: Buffer,
  format: 'png' | 'jpeg' | 'tiff',
  page: number,
): PageImage {
  const image = limitPixels(decoded);
  const factor = decoded.width / image.width;
  const dpi = (imageDpi(bytes, format, page) ?? ASSUMED_IMAGE_DPI) / factor;
  return { image, dpi, scale: factor };
}

/** A scan is rendered at its own resolution within {@link SCAN_DPI_RANGE}; other pages at the fallback. */
export function renderDpi(scanDpi: number | null, fallbackDpi: number): number {
  if (scanDpi === null) return fallbackDpi;
  return Math.min(SCAN_DPI_RANGE.max, Math.max(SCAN_DPI_RANGE.min, scanDpi));
}

/** Opens a read document's pages as images: PDF pages rendered, image files decoded. */
export async function openPageSource(
  read: ReadDocument,
  bytes: Buffer,
  fallbackDpi: number = DEFAULT_OCR_DPI,
): Promise<PageSource> {
  switch (read.format) {
    case 'pdf': {
      const renderer: PdfRenderer = await openPdfRenderer(bytes);
      return {
        page: async (number) => {
          const { image, dpi } = await renderer.renderForOcr(number, (scanDpi) =>
            renderDpi(scanDpi, fallbackDpi),
          );
          // Boxes of PDF pages are given in points, the space of the text layer.
          const size = await renderer.pageSize(number);
          return { image, dpi, scale: size.width / image.width };
        },
        close: () => renderer.close(),
      };
    }
    case 'tiff':
      return {
        page: async (number) => imagePage(decodeTiffPage(bytes, number), bytes, 'tiff', number),
        close: async () => undefined,
      };
    case 'png':
    case 'jpeg': {
      const format = read.format;
      return {
        page: async (number) => imagePage(await decodeRaster(bytes), bytes, format, number),
        close: async () => undefined,
      };
    }
    default:
      throw new Error(`formatet ${read.format} kan ikke leses med OCR`);
  }
}
