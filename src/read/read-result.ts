import { createHash } from 'node:crypto';

import type { FileFormat, ReadDocument, ReadFailure } from '../domain/document.ts';
import type { ReadLimits } from './limits.ts';

/** Options every reader accepts; readDocument passes them on. */
export interface ReaderOptions {
  /** The file's sha256 when the caller already computed it. */
  sha256?: string;
  limits?: Partial<ReadLimits>;
  /** Aborts the read (readDocument uses it for the time limit). */
  signal?: AbortSignal;
}

/** Hex sha256 of the bytes, the document identity used for duplicate detection. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Paths are reported with forward slashes whatever the platform. */
export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/');
}

/** A ReadDocument without content, to be filled in by a reader. */
export function emptyDocument(
  bytes: Buffer,
  path: string,
  format: FileFormat,
  options: ReaderOptions = {},
): ReadDocument {
  return {
    path: normalisePath(path),
    sha256: options.sha256 ?? sha256Hex(bytes),
    format,
    method: 'none',
    pageCount: null,
    pages: [],
    sheets: [],
    pagesNeedingOcr: [],
    failure: null,
  };
}

/** A ReadDocument that carries only a failure. */
export function failedDocument(
  bytes: Buffer,
  path: string,
  format: FileFormat,
  failure: ReadFailure,
  options: ReaderOptions = {},
): ReadDocument {
  return { ...emptyDocument(bytes, path, format, options), failure };
}

/** Throws the signal's reason when it was aborted; readers call it between units of work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
}

/**
 * A document that was read but holds no text at all (a Word file of empty paragraphs, a workbook of
 * blank cells, an empty text file) gets a failure, so it is an UNREADABLE_DOCUMENT like any file
 * that gives nothing to check, instead of passing silently. Pages waiting for OCR are judged after it.
 */
export function failIfNoText(document: ReadDocument): ReadDocument {
  if (document.failure || document.pagesNeedingOcr.length > 0 || hasText(document)) return document;
  const message =
    document.format === 'xlsx'
      ? 'Regnearket inneholder ingen celler med innhold.'
      : 'Dokumentet inneholder ingen tekst.';
  // A failure carries no content: the empty pages or sheets go with it.
  return { ...document, method: 'none', pages: [], sheets: [], failure: { reason: 'empty', message } };
}

/** True when any page or cell has visible text. */
export function hasText(document: ReadDocument): boolean {
  return (
    document.pages.some((page) => page.text.trim() !== '') ||
    document.sheets.some((sheet) => sheet.cells.some((cell) => cell.text.trim() !== ''))
  );
}
