/**
 * The version of what the document and extraction stages make of a file's bytes. A re-run of an
 * archive skips a submission whose bytes and extractor version are both unchanged, so BUMP THIS
 * whenever reading, OCR or extraction changes what they produce (not for rule changes: those
 * need only `intake revalidate`).
 */
export const EXTRACTOR_VERSION = '2026.4';
