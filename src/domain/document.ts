/**
 * What the readers hand to the pure core: a document's content as text pages or
 * spreadsheet cells, with enough position data to point a reviewer at the source.
 */

/** A rectangle on a page, in the page's own pixel or point space (origin top left). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One OCR word with its confidence (0-1) and position. */
export interface OcrWord {
  text: string;
  confidence: number;
  box: Box;
}

/** One page of text, from a PDF text layer, OCR, or a plain text file. */
export interface TextPage {
  /** 1-based page number. */
  page: number;
  text: string;
  method: 'text' | 'ocr';
  /** Mean OCR confidence 0-1 for OCR'd pages, else null. */
  confidence: number | null;
  /** OCR words with boxes; empty for text-layer pages. */
  words: OcrWord[];
}

/** A typed cell value as exceljs reports it, formulas replaced by their cached result. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetCell {
  /** A1-style reference, e.g. "B4". */
  ref: string;
  /** 1-based row and column. */
  row: number;
  col: number;
  value: CellValue;
  /** The value as a person sees it (formatted text, or String(value)). */
  text: string;
}

export interface Sheet {
  name: string;
  /** Non-empty cells in row-major order; a merged range appears once, at its top-left cell. */
  cells: SheetCell[];
}

/** The physical format a file's bytes turned out to be. */
export type FileFormat =
  | 'pdf'
  | 'xlsx'
  | 'docx'
  /** Binary Excel workbook: the xlsx package with BIFF12 parts. */
  | 'xlsb'
  /** OpenDocument spreadsheet and text (LibreOffice): read as a workbook and as a Word file are. */
  | 'ods'
  | 'odt'
  /** PowerPoint: one text page per slide. */
  | 'pptx'
  /** Rich Text Format: one text page. */
  | 'rtf'
  | 'zip'
  | 'png'
  | 'jpeg'
  | 'tiff'
  | 'text'
  | 'unknown';

/** Why a document could not be read; the message is for a reviewer (Norwegian). */
export interface ReadFailure {
  reason: 'empty' | 'corrupt' | 'encrypted' | 'unsupported' | 'too-large' | 'timeout';
  message: string;
  /** What the library said (masked, short, often English): for the log and the store, never a finding. */
  detail?: string;
}

/** The result of reading one file. Exactly one of pages/sheets carries content, or failure is set. */
export interface ReadDocument {
  /** Path relative to the ingest root, with forward slashes. */
  path: string;
  sha256: string;
  format: FileFormat;
  method: 'text' | 'ocr' | 'spreadsheet' | 'none';
  /** Number of pages (PDF, image) or null. */
  pageCount: number | null;
  pages: TextPage[];
  sheets: Sheet[];
  /** Pages (1-based) with no usable text layer, waiting for OCR. */
  pagesNeedingOcr: number[];
  failure: ReadFailure | null;
}
