import type { Box } from './document.ts';

/** Where a value or finding comes from, so a reviewer can find it in the source. */
export interface Evidence {
  path: string;
  /** 1-based page for PDFs and images; null for spreadsheets. */
  page: number | null;
  /** The text the value was read from (a line, a sentence, or a cell's text). */
  text: string;
  sheet?: string;
  cell?: string;
  /** OCR word box(es) union on the page, when the text came from OCR. */
  box?: Box;
}

/** A value read from a document, with its evidence and (for OCR) the confidence it was read with. */
export interface Extracted<T> {
  value: T;
  evidence: Evidence;
  /** Lowest OCR word confidence (0-1) behind the value, or null for text layers and spreadsheets. */
  confidence: number | null;
}
