import type { Evidence } from '../domain/evidence.ts';
import type { OcrWord, ReadDocument, Sheet, SheetCell, TextPage } from '../domain/document.ts';
import { foldForMatch, foldSpaces } from '../normalise/text.ts';

/** One line of a document's text, with what is needed to cite it. */
export interface SourceLine {
  /** Index of the document within the submission. */
  doc: number;
  path: string;
  page: number;
  /** 0-based index of the line on its page. */
  index: number;
  text: string;
  /** Lowercased, space-folded text for matching. */
  folded: string;
  /**
   * For OCR'd pages, the lowest confidence of the line's words (a value is as sure as its least sure
   * word); null for text layers.
   */
  confidence: number | null;
}

/** A spreadsheet cell with its document and sheet, for citing. */
export interface SourceCell extends SheetCell {
  doc: number;
  path: string;
  sheet: string;
  folded: string;
}

/** A document as the extractor sees it: lines for text documents, a cell grid for spreadsheets. */
export interface SourceDocument {
  doc: number;
  path: string;
  lines: SourceLine[];
  sheets: Array<{ name: string; cells: SourceCell[]; grid: Map<string, SourceCell> }>;
}

/**
 * Folds odd spaces but keeps column gaps: a tab, or a run of 2+ spaces, becomes one tab,
 * because "label<gap>value" is how form tables come out of PDFs.
 */
export function cleanLine(raw: string): string {
  return raw
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/ *\t[\t ]*| {2,}/g, '\t')
    .replace(/\s+$/, '')
    .replace(/^\s+/, '');
}

/** Matching form of a line: each column folded, tabs kept. */
export const foldLine = (text: string) => text.split('\t').map(foldForMatch).join('\t');

export const cellKey = (row: number, col: number) => `${row}:${col}`;

export function toSourceDocument(read: ReadDocument, doc: number): SourceDocument {
  const lines: SourceLine[] = [];
  for (const page of read.pages) {
    const words = lineWords(page);
    page.text.split(/\r?\n/).forEach((raw, index) => {
      const text = cleanLine(raw);
      if (text === '') return;
      const own = words?.[index];
      lines.push({
        doc,
        path: read.path,
        page: page.page,
        index,
        text,
        folded: foldLine(text),
        confidence: own && own.length > 0 ? Math.min(...own.map((w) => w.confidence)) : page.confidence,
      });
    });
  }
  return { doc, path: read.path, lines, sheets: read.sheets.map((s) => toSourceSheet(s, doc, read.path)) };
}

/**
 * The OCR words of each line of an OCR'd page. The OCR stage lists a page's words in text order, so a
 * line's words are the next ones whose text, spaces aside, spells the line; null when the page has no
 * words or they do not spell its text (then the page's confidence stands in).
 */
function lineWords(page: TextPage): OcrWord[][] | null {
  if (page.words.length === 0) return null;
  const out: OcrWord[][] = [];
  let next = 0;
  for (const raw of page.text.split(/\r?\n/)) {
    const target = raw.replace(/\s+/gu, '');
    const own: OcrWord[] = [];
    let spelled = '';
    while (spelled.length < target.length && next < page.words.length) {
      const word = page.words[next++]!;
      own.push(word);
      spelled += word.text.replace(/\s+/gu, '');
    }
    if (spelled !== target) return null;
    out.push(own);
  }
  return out;
}

function toSourceSheet(sheet: Sheet, doc: number, path: string) {
  const cells: SourceCell[] = sheet.cells
    .filter((c) => c.text.trim() !== '' || typeof c.value === 'number')
    .map((c) => ({ ...c, doc, path, sheet: sheet.name, folded: foldForMatch(foldSpaces(c.text)) }));
  return { name: sheet.name, cells, grid: new Map(cells.map((c) => [cellKey(c.row, c.col), c])) };
}

export function lineEvidence(line: SourceLine, text = line.text): Evidence {
  return { path: line.path, page: line.page, text };
}

export function cellEvidence(label: SourceCell | null, value: SourceCell): Evidence {
  const text = label ? `${label.text.replace(/\s*:\s*$/, '')}: ${value.text}` : value.text;
  return { path: value.path, page: null, sheet: value.sheet, cell: value.ref, text };
}

/** All text of a document, lines and cells, for recognition and classification. */
export function documentText(doc: SourceDocument): string {
  const fromLines = doc.lines.map((l) => l.folded);
  const fromCells = doc.sheets.flatMap((s) => s.cells.map((c) => c.folded));
  return [...fromLines, ...fromCells].join('\n');
}
