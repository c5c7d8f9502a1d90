import type { ReadDocument } from '../domain/document.ts';
import { readDocx } from './docx-reader.ts';
import { readImage } from './image-reader.ts';
import { readOpenDocument } from './opendocument-reader.ts';
import { readPptx } from './pptx-reader.ts';
import { readRtf } from './rtf-reader.ts';
import { readXlsb } from './xlsb-reader.ts';
import { formatMegabytes, formatSeconds, resolveLimits, type ReadLimits } from './limits.ts';
import { readPdf } from './pdf-reader.ts';
import { ReadError, failureFromError } from './read-error.ts';
import { failedDocument, failIfNoText, sha256Hex, type ReaderOptions } from './read-result.ts';
import { identifyFormat } from './sniff.ts';
import { readText } from './text-reader.ts';
import { readXlsx } from './xlsx-reader.ts';

/** Options for {@link readDocumentInProcess}. */
export interface ReadDocumentOptions {
  /** Limits on size, zip contents, pages and time; unset ones take DEFAULT_READ_LIMITS. */
  limits?: Partial<ReadLimits>;
}

/** The failure message of a read stopped by the time limit (the limit is named, as for every limit). */
export function timeoutMessage(timeoutMs: number): string {
  return `Lesingen av filen tok for lang tid (over ${formatSeconds(timeoutMs)}, grensen for tid per dokument) og ble avbrutt.`;
}

/**
 * Reads one file into text pages or spreadsheet cells, deciding the format from the bytes only (a
 * ".pdf" that is really an xlsx is read as xlsx). Never throws for bad input; instead `failure` says
 * why: 'empty' (0 bytes), 'too-large' (over `limits.maxBytes`, or a zip part over the zip limits),
 * 'unsupported' (old .doc/.xls, a zip archive, an unknown format; the message names what it is),
 * 'encrypted', 'timeout' (over `limits.timeoutMs`), or 'corrupt' (anything a reader could not parse).
 *
 * `method` is 'text' for PDF, docx and text files, 'spreadsheet' for xlsx, and 'none' for images,
 * failures and PDFs without any usable text layer.
 *
 * Runs on the calling thread: the time limit only holds while the reader yields (pdf.js does between
 * pages; a synchronous parse does not). `readDocument` runs this in a reader thread that can be
 * stopped, which is what the pipeline uses.
 */
export async function readDocumentInProcess(
  bytes: Buffer,
  path: string,
  options: ReadDocumentOptions = {},
): Promise<ReadDocument> {
  const limits = resolveLimits(options.limits);
  const sha256 = sha256Hex(bytes);
  if (bytes.length === 0) {
    return failedDocument(
      bytes,
      path,
      'unknown',
      { reason: 'empty', message: 'Filen er tom (0 byte).' },
      { sha256 },
    );
  }
  const info = identifyFormat(bytes);
  const fail = (error: unknown): ReadDocument =>
    failedDocument(bytes, path, info.format, failureFromError(error), { sha256 });
  if (bytes.length > limits.maxBytes) {
    return fail(
      new ReadError(
        'too-large',
        `Filen er for stor (${formatMegabytes(bytes.length)}); største tillatte størrelse er ${formatMegabytes(limits.maxBytes)}.`,
      ),
    );
  }

  const controller = new AbortController();
  const readerOptions: ReaderOptions = { sha256, limits, signal: controller.signal };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ReadError('timeout', timeoutMessage(limits.timeoutMs));
      controller.abort(error);
      reject(error);
    }, limits.timeoutMs);
  });
  try {
    return failIfNoText(await Promise.race([dispatch(), timeout]));
  } catch (error) {
    return fail(error);
  } finally {
    clearTimeout(timer);
  }

  async function dispatch(): Promise<ReadDocument> {
    switch (info.format) {
      case 'pdf':
        return readPdf(bytes, path, readerOptions);
      case 'xlsx':
        return readXlsx(bytes, path, readerOptions);
      case 'docx':
        return readDocx(bytes, path, readerOptions);
      case 'ods':
      case 'odt':
        return readOpenDocument(bytes, path, info.format, readerOptions);
      case 'pptx':
        return readPptx(bytes, path, readerOptions);
      case 'xlsb':
        return readXlsb(bytes, path, readerOptions);
      case 'rtf':
        return readRtf(bytes, path, readerOptions);
      case 'text':
        return readText(bytes, path, readerOptions);
      case 'png':
      case 'jpeg':
      case 'tiff':
        return readImage(bytes, path, info.format, readerOptions);
      case 'zip':
        throw new ReadError('unsupported', `Filen er ${info.description}, ikke et dokument som kan leses.`);
      case 'unknown':
        if (info.encrypted) {
          throw new ReadError(
            'encrypted',
            'Office-dokumentet er kryptert eller passordbeskyttet og kan ikke leses.',
          );
        }
        if (info.container) throw new ReadError('unsupported', `Formatet støttes ikke: ${info.container}.`);
        throw new ReadError('unsupported', `Filtypen støttes ikke: filen er ${info.description}.`);
    }
  }
}
