import { availableParallelism } from 'node:os';

/** Limits that keep hostile or accidental giant inputs from exhausting memory or time. */
export interface ReadLimits {
  /** Largest file (bytes) read at all; larger files fail with 'too-large'. */
  maxBytes: number;
  /** Largest uncompressed size (bytes) of one zip entry (also the parts of xlsx/docx) or PDF content stream. */
  maxEntryBytes: number;
  /** Largest total uncompressed size (bytes) of the entries of one zip archive. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of a zip entry (zip bombs reach 1000 and more). */
  maxCompressionRatio: number;
  /** Entries smaller than this are never refused for their ratio: small XML parts compress very well. */
  compressionRatioMinBytes: number;
  /** Largest number of entries in one zip archive (also the parts of an xlsx or docx). */
  maxEntries: number;
  /** Most zip archives inside one another that are opened (an archive in an archive is 2). */
  maxArchiveDepth: number;
  /** Largest number of pages read from one PDF. */
  maxPages: number;
  /** Largest declared size (width × height) of an image page; bigger ones are refused before decoding. */
  maxPagePixels: number;
  /** Largest number of cells in one workbook, counted in its sheet XML before the workbook is parsed. */
  maxCells: number;
  /**
   * Most characters of text one document may hand back (cells and pages together). A workbook whose
   * 12 000 cells all point at one shared string of 1 MB is 100 KB on disk and 12 GB of text once
   * expanded; the limit is checked before expanding and again before the result leaves its thread.
   */
  maxTextChars: number;
  /** Time (ms) one document may take before it fails with 'timeout'. */
  timeoutMs: number;
  /**
   * Time (ms) the OCR of one document may take; pages not started by then are left unread and the
   * document fails with 'timeout'. Apart from `timeoutMs`: a long scan honestly takes minutes.
   */
  ocrTimeoutMs: number;
  /**
   * Heap (MB) of a reader thread; a read that needs more is stopped and fails with 'too-large'.
   * Applied when the thread starts, so it only counts for isolated reads.
   */
  maxHeapMb: number;
  /**
   * Reader threads reading at once; default: the number of cores. Each holds its own parsers
   * (measured about 450 MB resident with pdf.js and exceljs loaded), so this bounds memory as much
   * as it sets throughput. With one thread, a file a parser spins on held every other read of the
   * run for the whole time limit; now it holds only its own thread.
   */
  readerThreads: number;
}

const MB = 1024 * 1024;

/** Defaults generous enough for real applications (scanned PDFs of 100 MB exist). */
export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxBytes: 200 * MB,
  maxEntryBytes: 200 * MB,
  maxTotalBytes: 1024 * MB,
  maxCompressionRatio: 200,
  compressionRatioMinBytes: 1 * MB,
  maxEntries: 10_000,
  maxArchiveDepth: 5,
  maxPages: 2_000,
  // An A3 page scanned at 600 DPI is about 70 million pixels.
  maxPagePixels: 100_000_000,
  maxCells: 1_000_000,
  // A million cells of 30 characters; the longest born-digital reports hold a few million.
  maxTextChars: 30_000_000,
  timeoutMs: 120_000,
  ocrTimeoutMs: 1_800_000,
  maxHeapMb: 1_024,
  readerThreads: Math.max(1, availableParallelism()),
});

/** Fills in defaults for the limits a caller did not set. */
export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  const resolved: ReadLimits = { ...DEFAULT_READ_LIMITS };
  for (const [key, value] of Object.entries(limits ?? {}) as [keyof ReadLimits, number | undefined][]) {
    if (value !== undefined && key in DEFAULT_READ_LIMITS) resolved[key] = value;
  }
  return resolved;
}

/** Bytes as Norwegian megabytes for messages ("12,5 MB"). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  const text = mb >= 10 ? String(Math.round(mb)) : mb.toFixed(1).replace('.', ',');
  return `${text} MB`;
}

/** A count with Norwegian thousands separators ("1 000 000"), for messages. */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A duration in Norwegian for messages ("120 sekunder", "0,5 sekunder"). */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds === 1) return '1 sekund';
  const value = seconds >= 10 ? Math.round(seconds) : Number(seconds.toPrecision(2));
  return `${String(value).replace('.', ',')} sekunder`;
}
