/** Limits that keep hostile or accidental giant inputs from exhausting memory or time. */
export interface ReadLimits {
  /** Largest file (bytes) read at all; larger files fail with 'too-large'. */
  maxBytes: number;
  /** Largest uncompressed size (bytes) of one zip entry, including the parts inside xlsx/docx. */
  maxEntryBytes: number;
  /** Largest total uncompressed size (bytes) of the entries of one zip archive. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of a zip entry (zip bombs reach 1000 and more). */
  maxCompressionRatio: number;
  /** Entries smaller than this are never refused for their ratio: small XML parts compress very well. */
  compressionRatioMinBytes: number;
  /** Largest number of entries in one zip archive. */
  maxEntries: number;
  /** Largest number of pages read from one PDF. */
  maxPages: number;
  /** Time (ms) one document may take before it fails with 'timeout'. */
  timeoutMs: number;
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
  maxPages: 2_000,
  timeoutMs: 120_000,
});

/** Fills in defaults for the limits a caller did not set. */
export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  const resolved: ReadLimits = { ...DEFAULT_READ_LIMITS };
  for (const [key, value] of Object.entries(limits ?? {}) as [keyof ReadLimits, number | undefined][]) {
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}

/** Bytes as Norwegian megabytes for messages ("12,5 MB"). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  const text = mb >= 10 ? String(Math.round(mb)) : mb.toFixed(1).replace('.', ',');
  return `${text} MB`;
}
