import { setImmediate as setImmediatePromise } from 'node:timers/promises';

import type { PDFPageProxy, PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

import type { ReadDocument, TextPage } from '../domain/document.ts';
import { resolveLimits } from './limits.ts';
import { loadPdfjs } from './pdfjs.ts';
import { layoutTextLines, type PositionedText } from './pdf-layout.ts';
import { checkPdfStreams } from './pdf-streams.ts';
import { ReadError, corruptMessage, failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, throwIfAborted, type ReaderOptions } from './read-result.ts';
import { isUsableTextLayer } from './text-quality.ts';

export { isUsableTextLayer } from './text-quality.ts';

/** pdf.js's VerbosityLevel.ERRORS: font and structure warnings would flood the log. */
const VERBOSITY_ERRORS = 0;
/** PDF readers look for the end marker within the last 1024 bytes (after trailing whitespace). */
const EOF_WINDOW = 1024;
/** Text runs turned by more than this (radians, about 3°) are laid out separately, after the page. */
const MAX_HORIZONTAL_ANGLE = 0.05;

const ENCRYPTED_MESSAGE = 'PDF-filen er kryptert eller passordbeskyttet og kan ikke leses.';

/**
 * Reads a PDF's text layer page by page.
 *
 * Every page appears in `pages` (method 'text', possibly with empty text). Pages whose text layer is
 * missing, too short or garbage (see {@link isUsableTextLayer}) are also listed in `pagesNeedingOcr`;
 * the OCR stage is expected to replace those entries. `method` is 'text' when at least one page has a
 * usable text layer, else 'none' (a scanned PDF). Filled-in form fields (AcroForm) and typed
 * annotations are laid out with the page text, so "Søker⇥Trondheim kommune" comes out the same
 * whether the value was printed or typed into a field.
 *
 * Never throws for bad input: encrypted files fail with 'encrypted'; truncated, damaged or page-less
 * files with 'corrupt'; more pages than `limits.maxPages`, or a non-image stream that inflates beyond
 * `limits.maxEntryBytes` (a flate bomb), with 'too-large'.
 *
 * Uses pdf.js directly (the engine behind pdf-parse) because the text runs' positions are needed:
 * pdf-parse's getText() joins a label and a value far to its right with a single space.
 */
export async function readPdf(
  bytes: Buffer,
  path: string,
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  try {
    return { ...emptyDocument(bytes, path, 'pdf', options), ...(await extractPdf(bytes, options)) };
  } catch (error) {
    return failedDocument(bytes, path, 'pdf', failureFromError(translatePdfError(error)), options);
  }
}

type PdfContent = Pick<ReadDocument, 'method' | 'pageCount' | 'pages' | 'pagesNeedingOcr'>;

async function extractPdf(bytes: Buffer, options: ReaderOptions): Promise<PdfContent> {
  const limits = resolveLimits(options.limits);
  if (!hasEndMarker(bytes)) {
    throw new ReadError(
      'corrupt',
      corruptMessage('PDF-filen er avkuttet eller ufullstendig (slutten mangler)'),
    );
  }
  checkPdfStreams(bytes, limits.maxEntryBytes);
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    // A copy: pdf.js may take over (detach) the buffer it is given.
    data: new Uint8Array(bytes),
    verbosity: VERBOSITY_ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  const abort = (): void => void task.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw translatePdfError(error);
    });
    const pageCount = doc.numPages;
    if (pageCount < 1) throw new ReadError('corrupt', corruptMessage('PDF-filen har ingen sider'));
    if (pageCount > limits.maxPages) {
      throw new ReadError(
        'too-large',
        `PDF-filen har for mange sider (${pageCount}); grensen er ${limits.maxPages} sider.`,
      );
    }
    const pages: TextPage[] = [];
    const pagesNeedingOcr: number[] = [];
    for (let number = 1; number <= pageCount; number++) {
      // pdf.js's in-process worker runs on microtasks; yielding lets the time limit's timer fire.
      await setImmediatePromise();
      throwIfAborted(options.signal);
      const page = await doc.getPage(number);
      try {
        const text = await pageText(page);
        pages.push({ page: number, text, method: 'text', confidence: null, words: [] });
        if (!isUsableTextLayer(text)) pagesNeedingOcr.push(number);
      } finally {
        page.cleanup();
      }
    }
    const method = pagesNeedingOcr.length < pageCount ? 'text' : 'none';
    return { method, pageCount, pages, pagesNeedingOcr };
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await task.destroy();
  }
}

/** False when the file lacks "%%EOF" near its end, the mark of a download or upload cut short. */
function hasEndMarker(bytes: Buffer): boolean {
  let end = bytes.length;
  while (end > 0 && [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(bytes[end - 1]!)) end--;
  return bytes.subarray(Math.max(0, end - EOF_WINDOW), end).includes('%%EOF', 0, 'latin1');
}

function translatePdfError(error: unknown): unknown {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ReadError('encrypted', ENCRYPTED_MESSAGE, { cause: error });
  if (error instanceof Error && /maximum call stack/i.test(error.message)) {
    // Objects nested thousands deep: pdf.js's recursive parser runs out of stack.
    return new ReadError('corrupt', corruptMessage('PDF-filen har objekter som er nestet for dypt'), {
      cause: error,
    });
  }
  return error;
}

/** One page's text: its text layer and its form fields, laid out as lines. */
async function pageText(page: PDFPageProxy): Promise<string> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const horizontal: PositionedText[] = [];
  const turned: string[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const run = positionRun(item, viewport);
    if (run) horizontal.push(run);
    else turned.push(item.str.trim());
  }
  horizontal.push(...(await annotationRuns(page, viewport)));
  return [...layoutTextLines(horizontal), ...turned].join('\n');
}

/** A text item in viewport space, or null when the text is turned (vertical margin notes, stamps). */
function positionRun(item: TextItem, viewport: PageViewport): PositionedText | null {
  const [a, b, c, d, e, f] = multiply(viewport.transform, item.transform as number[]);
  if (Math.abs(Math.atan2(b, a)) > MAX_HORIZONTAL_ANGLE || item.dir === 'ttb') return null;
  const size = item.height > 0 ? item.height : Math.hypot(c, d);
  return { text: item.str, x: e, y: f, width: item.width, size };
}

function multiply(m1: number[], m2: number[]): [number, number, number, number, number, number] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

/** The parts of pdf.js's annotation data this reader uses. */
interface AnnotationData {
  subtype?: string;
  fieldType?: string;
  fieldValue?: unknown;
  rect?: number[];
  hidden?: boolean;
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  buttonValue?: unknown;
  multiLine?: boolean;
  textContent?: unknown;
  contentsObj?: { str?: unknown };
  defaultAppearanceData?: { fontSize?: number };
}

/**
 * Filled-in form fields and typed-on text boxes as positioned runs. Their text is not in the page's
 * content stream, so without this a filled form would read as labels only.
 */
async function annotationRuns(page: PDFPageProxy, viewport: PageViewport): Promise<PositionedText[]> {
  let annotations: AnnotationData[];
  try {
    annotations = (await page.getAnnotations({ intent: 'display' })) as AnnotationData[];
  } catch {
    // Broken annotations must not cost the page its text.
    return [];
  }
  const runs: PositionedText[] = [];
  for (const annotation of annotations) {
    if (annotation.hidden || !annotation.rect || annotation.rect.length < 4) continue;
    const lines = annotationLines(annotation);
    if (lines.length === 0) continue;
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = viewport.convertToViewportRectangle(annotation.rect) as number[];
    const left = Math.min(x1, x2);
    const top = Math.min(y1, y2);
    const width = Math.abs(x2 - x1);
    const height = Math.abs(y2 - y1);
    const declared = annotation.defaultAppearanceData?.fontSize ?? 0;
    // Auto-sized fields (size 0) fit the text to the box; about 0.7 of a single-line box is typical.
    const size = declared > 0 ? declared : Math.max(4, Math.min(12, height * 0.7));
    const singleLine = lines.length === 1 && !annotation.multiLine && height < size * 2.5;
    lines.forEach((line, index) => {
      const y = singleLine ? top + height / 2 + size * 0.35 : top + size * (1.15 * index + 1);
      const estimated = [...line].length * size * 0.5;
      runs.push({ text: line, x: left + 2, y, width: Math.min(estimated, width), size });
    });
  }
  return runs;
}

function annotationLines(annotation: AnnotationData): string[] {
  const split = (text: string): string[] =>
    text
      .split(/\r\n?|\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  if (annotation.subtype === 'Widget') {
    const value = annotation.fieldValue;
    if (annotation.fieldType === 'Btn') {
      if (annotation.pushButton) return [];
      const checked = annotation.radioButton
        ? value !== undefined && value === annotation.buttonValue
        : typeof value === 'string' && value !== '' && value !== 'Off';
      return [checked ? '☒' : '☐'];
    }
    if (typeof value === 'string') return split(value);
    if (Array.isArray(value)) return split(value.filter((v) => typeof v === 'string').join(', '));
    return [];
  }
  if (annotation.subtype === 'FreeText') {
    if (Array.isArray(annotation.textContent)) {
      return split(annotation.textContent.filter((v) => typeof v === 'string').join('\n'));
    }
    const str = annotation.contentsObj?.str;
    return typeof str === 'string' ? split(str) : [];
  }
  return [];
}
