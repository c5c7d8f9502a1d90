import type { ReadDocument, Sheet, SheetCell } from '../domain/document.ts';
import { formatCount, resolveLimits, type ReadLimits } from './limits.ts';
import { ReadError, corruptMessage, failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, throwIfAborted, type ReaderOptions } from './read-result.ts';
import { TextBudget } from './text-budget.ts';
import { streamXml, type XmlElement } from './xml-stream.ts';
import { columnName } from './xlsx-tolerant.ts';
import { typedValue } from './xlsx-reader.ts';
import { openZipArchive } from './zip-archive.ts';

const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';

/**
 * Reads an OpenDocument file (LibreOffice, and what many public bodies send): a spreadsheet (.ods)
 * into sheets of typed cells as from an xlsx, a text (.odt) into one page of lines as from a docx
 * (paragraphs and headings a line each, a table row a line with a tab between its cells). Only
 * `content.xml` is read, with a streaming parser; repeated rows and cells (LibreOffice writes a
 * million empty ones to the sheet's end) are counted, never expanded when empty, and cells count
 * against the cell and text limits. Never throws for bad input.
 */
export async function readOpenDocument(
  bytes: Buffer,
  path: string,
  format: 'ods' | 'odt',
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  try {
    const limits = resolveLimits(options.limits);
    const xml = await contentXml(bytes, limits);
    throwIfAborted(options.signal);
    const budget = new TextBudget(limits.maxTextChars);
    if (format === 'ods') {
      const sheets = spreadsheetSheets(xml, limits, budget);
      return { ...emptyDocument(bytes, path, format, options), method: 'spreadsheet', sheets };
    }
    const text = textLines(xml, budget).join('\n');
    return {
      ...emptyDocument(bytes, path, format, options),
      method: 'text',
      pages: [{ page: 1, text, method: 'text', confidence: null, words: [] }],
    };
  } catch (error) {
    return failedDocument(bytes, path, format, failureFromError(error), options);
  }
}

async function contentXml(bytes: Buffer, limits: ReadLimits): Promise<Buffer> {
  const archive = await openZipArchive(bytes, limits);
  try {
    if (!archive.entries.some((entry) => entry.name === 'content.xml')) {
      throw new ReadError('corrupt', corruptMessage('OpenDocument-filen mangler innholdet (content.xml)'));
    }
    // A password-protected document keeps its parts encrypted and says so in its manifest.
    if (archive.entries.some((entry) => entry.name === 'META-INF/manifest.xml')) {
      const manifest = await archive.read('META-INF/manifest.xml');
      if (manifest.includes('encryption-data', 0, 'latin1')) {
        throw new ReadError('encrypted', 'OpenDocument-filen er passordbeskyttet og kan ikke leses.');
      }
    }
    const xml = await archive.read('content.xml');
    if (xml.includes('<!DOCTYPE', 0, 'latin1') || xml.includes('<!ENTITY', 0, 'latin1')) {
      throw new ReadError(
        'corrupt',
        corruptMessage('OpenDocument-filen inneholder DOCTYPE/ENTITY-deklarasjoner, som ikke tillates'),
      );
    }
    return xml;
  } finally {
    archive.close();
  }
}

/**
 * Collects the text of paragraphs and headings: spans, `text:s` spaces, tabs and line breaks; notes
 * and tracked changes left out. A paragraph inside another (a note's) belongs to the outer one.
 */
class ParagraphText {
  private parts: string[] | null = null;
  private depth = 0;
  private skip = 0;

  /** Call for every start tag. */
  open(element: XmlElement): void {
    if (element.uri !== TEXT) return;
    const local = element.local;
    if (local === 'note' || local === 'tracked-changes') this.skip++;
    if (local === 'p' || local === 'h') {
      if (this.depth++ === 0) this.parts = [];
      return;
    }
    if (this.skip > 0 || !this.parts) return;
    if (local === 's') this.parts.push(' '.repeat(Math.min(100, Number(element.attributes.c ?? 1) || 1)));
    else if (local === 'tab') this.parts.push('\t');
    else if (local === 'line-break') this.parts.push('\n');
  }

  /** Call for every end tag: the paragraph's text when one ends, else null. */
  close(local: string, uri: string): string | null {
    if (uri !== TEXT) return null;
    if (local === 'note' || local === 'tracked-changes') this.skip--;
    if ((local !== 'p' && local !== 'h') || this.depth === 0 || --this.depth > 0) return null;
    const text = (this.parts ?? []).join('');
    this.parts = null;
    return text;
  }

  text(chunk: string): void {
    if (this.parts && this.skip === 0) this.parts.push(chunk);
  }
}

/** The lines of an OpenDocument text: paragraphs and headings, table rows with tabs between cells. */
function textLines(xml: Buffer, budget: TextBudget): string[] {
  const lines: string[] = [];
  const paragraph = new ParagraphText();
  // Table cells being read (innermost last): each a list of paragraph texts.
  const rows: string[][] = [];
  const cells: string[][] = [];
  const push = (line: string) => {
    const clean = line.replace(/[ \u00a0]+/g, ' ').trim();
    if (!clean) return;
    budget.spend(clean.length);
    if (cells.length > 0) cells[cells.length - 1]!.push(clean);
    else
      lines.push(
        ...clean
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      );
  };
  streamXml(xml, {
    open: (element) => {
      paragraph.open(element);
      if (element.uri === TABLE && element.local === 'table-row') rows.push([]);
      else if (element.uri === TABLE && element.local === 'table-cell') cells.push([]);
    },
    close: (local, uri) => {
      const ended = paragraph.close(local, uri);
      if (ended !== null) push(ended);
      else if (uri === TABLE && local === 'table-cell') {
        const cell = cells.pop() ?? [];
        rows[rows.length - 1]?.push(cell.join(' '));
      } else if (uri === TABLE && local === 'table-row') {
        const row = rows.pop() ?? [];
        const line = row.join('\t').replace(/\t+$/, '');
        if (cells.length > 0) push(line.replace(/\t/g, ' '));
        else if (line.trim()) {
          budget.spend(line.length);
          lines.push(line);
        }
      }
    },
    text: (chunk) => paragraph.text(chunk),
  });
  return lines;
}

/** LibreOffice repeats empty rows and cells up to the sheet's last row and column; content rarely. */
const MAX_REPEATED_CONTENT = 1_000;

interface PendingCell {
  type: string;
  value: string | undefined;
  paragraphs: string[];
  repeat: number;
}

/** The sheets of an OpenDocument spreadsheet, as typed cells in row-major order. */
function spreadsheetSheets(xml: Buffer, limits: ReadLimits, budget: TextBudget): Sheet[] {
  const sheets: Sheet[] = [];
  const paragraph = new ParagraphText();
  let sheet: Sheet | null = null;
  let row = 0;
  let col = 0;
  let rowRepeat = 1;
  let rowCells: SheetCell[] = [];
  let cell: PendingCell | null = null;
  let cellCount = 0;
  let depth = 0; // tables inside cells (subtables) are read as the text of their cell

  const finishCell = () => {
    const pending = cell!;
    cell = null;
    const typed = cellValue(pending);
    const width = Math.max(1, pending.repeat);
    if (typed) {
      const copies = Math.min(width, MAX_REPEATED_CONTENT);
      for (let i = 0; i < copies; i++) {
        cellCount++;
        if (cellCount > limits.maxCells) {
          throw new ReadError(
            'too-large',
            `Regnearket har for mange celler (over ${formatCount(limits.maxCells)}); grensen er ${formatCount(limits.maxCells)} celler.`,
          );
        }
        budget.spend(typed.text.length);
        rowCells.push({
          ref: `${columnName(col + 1 + i)}${row + 1}`,
          row: row + 1,
          col: col + 1 + i,
          ...typed,
        });
      }
    }
    col += width;
  };

  streamXml(xml, {
    open: (element) => {
      paragraph.open(element);
      if (element.uri === TABLE && element.local === 'table') {
        depth++;
        if (depth === 1) {
          sheet = { name: element.attributes.name ?? `Ark${sheets.length + 1}`, cells: [] };
          row = 0;
        }
        return;
      }
      if (depth !== 1 || !sheet) return;
      if (element.uri === TABLE && element.local === 'table-row') {
        col = 0;
        rowCells = [];
        rowRepeat = Math.max(1, Number(element.attributes['number-rows-repeated'] ?? 1) || 1);
      } else if (
        element.uri === TABLE &&
        (element.local === 'table-cell' || element.local === 'covered-table-cell')
      ) {
        cell = {
          // A covered cell lies under a merged range: its content belongs to the range's first cell.
          type: element.local === 'covered-table-cell' ? 'covered' : valueType(element),
          value: officeValue(element),
          paragraphs: [],
          repeat: Math.max(1, Number(element.attributes['number-columns-repeated'] ?? 1) || 1),
        };
      }
    },
    close: (local, uri) => {
      const ended = paragraph.close(local, uri);
      if (ended !== null) {
        cell?.paragraphs.push(ended);
        return;
      }
      if (uri !== TABLE) return;
      if (local === 'table') {
        depth--;
        if (depth === 0 && sheet) {
          sheets.push(sheet);
          sheet = null;
        }
      } else if (depth === 1 && (local === 'table-cell' || local === 'covered-table-cell') && cell) {
        finishCell();
      } else if (depth === 1 && local === 'table-row' && sheet) {
        // A repeated row with content is copied (rarely more than a few times); empty ones only count.
        const copies = rowCells.length === 0 ? 0 : Math.min(rowRepeat, MAX_REPEATED_CONTENT);
        for (let i = 0; i < copies; i++) {
          for (const c of rowCells) {
            if (i > 0) {
              cellCount++;
              budget.spend(c.text.length);
            }
            sheet.cells.push(i === 0 ? c : { ...c, ref: `${columnName(c.col)}${c.row + i}`, row: c.row + i });
          }
        }
        row += rowRepeat;
      }
    },
    text: (chunk) => paragraph.text(chunk),
  });
  return sheets;
}

function valueType(element: XmlElement): string {
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === 'value-type' && element.attributeUris[name] === OFFICE) return value;
  }
  return 'string';
}

/** The cell's typed value as written (office:value, office:date-value …), by its value type. */
function officeValue(element: XmlElement): string | undefined {
  const a = element.attributes;
  return a['date-value'] ?? a['time-value'] ?? a['boolean-value'] ?? a['string-value'] ?? a.value;
}

function cellValue(cell: PendingCell): { value: SheetCell['value']; text: string } | null {
  const shown = cell.paragraphs.join('\n');
  switch (cell.type) {
    case 'covered':
      return null;
    case 'float':
    case 'currency': {
      const n = Number(cell.value);
      return Number.isFinite(n) ? typedValue(n) : typedValue(shown);
    }
    case 'percentage': {
      const n = Number(cell.value);
      return Number.isFinite(n) ? typedValue(n, '0%') : typedValue(shown);
    }
    case 'date': {
      // A wall-clock date(-time) without a zone, given as that instant in UTC (as exceljs does).
      const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(cell.value ?? '');
      if (!match) return typedValue(shown);
      const [, y, m, d, hh = '0', mm = '0', ss = '0'] = match;
      return typedValue(new Date(Date.UTC(+y!, +m! - 1, +d!, +hh, +mm, +ss)));
    }
    case 'boolean':
      return typedValue(cell.value === 'true');
    default:
      return typedValue(shown);
  }
}
