import type { ReadDocument } from '../domain/document.ts';
import { resolveLimits, type ReadLimits } from './limits.ts';
import { sharedReaderPool, type ReaderPool } from './reader-pool.ts';

export { ReadError } from './read-error.ts';

/**
 * {@link readDocumentInProcess} of read-in-process.ts, loaded when first called: the readers it
 * brings (exceljs, pdf.js) are for the reader threads, not for every program that reads.
 */
export async function readDocumentInProcess(
  ...args: Parameters<typeof import('./read-in-process.ts').readDocumentInProcess>
): Promise<ReadDocument> {
  return (await import('./read-in-process.ts')).readDocumentInProcess(...args);
}

/** Options for {@link readDocument}. */
export interface ReadDocumentOptions {
  /** Limits on size, zip contents, pages, pixels, cells, time and memory; unset ones take DEFAULT_READ_LIMITS. */
  limits?: Partial<ReadLimits>;
  /** The reader threads to use; default: the process's shared pool for `limits.maxHeapMb` and `readerThreads`. */
  pool?: ReaderPool;
}

/**
 * Reads one file into text pages or spreadsheet cells, deciding the format from the bytes only (a
 * ".pdf" that is really an xlsx is read as xlsx). Never throws for bad input; instead `failure` says
 * why: 'empty' (0 bytes), 'too-large' (over a size, page, pixel, cell or memory limit; the message
 * names it), 'unsupported' (old .doc/.xls, a zip archive, an unknown format; the message names what
 * it is), 'encrypted', 'timeout' (over `limits.timeoutMs`), or 'corrupt' (anything a reader could not
 * parse).
 *
 * The read runs in a reader thread (see {@link ReaderPool}), so the time limit holds even for a
 * parser stuck in synchronous code, and a read that exhausts its heap costs its thread, not the
 * process. Rejects only when no reader thread can start at all (ReaderSetupError).
 *
 * `method` is 'text' for PDF, docx and text files, 'spreadsheet' for xlsx, and 'none' for images,
 * failures and PDFs without any usable text layer.
 */
export function readDocument(
  bytes: Buffer,
  path: string,
  options: ReadDocumentOptions = {},
): Promise<ReadDocument> {
  const limits = resolveLimits(options.limits);
  const pool = options.pool ?? sharedReaderPool(limits.maxHeapMb, limits.readerThreads);
  return pool.read(bytes, path, limits);
}
