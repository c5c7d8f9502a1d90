import type { CellValue, Sheet, SheetCell } from '../domain/document.ts';
import { formatCount, type ReadLimits } from './limits.ts';
import { ReadError, corruptMessage } from './read-error.ts';
import { throwIfAborted } from './read-result.ts';
import { OoxmlPackage } from './ooxml-package.ts';
import { TextBudget } from './text-budget.ts';
import { streamXml, type XmlElement } from './xml-stream.ts';
import { typedValue } from './xlsx-reader.ts';
import type { ZipArchive } from './zip-archive.ts';

/** SpreadsheetML's namespaces, transitional and strict; elements without a namespace count too. */
const SHEET_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  '',
]);

/** Excel's built-in number formats that show dates or times (ids 14-22, 27-36, 45-47, 50-58). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

/** Days from Excel's day 0 (1899-12-30, after its 1900 leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;
const DATE1904_OFFSET_DAYS = 1_462;
const DAY_MS = 86_400_000;

interface CellStyle {
  numFmt?: string;
  isDate: boolean;
}

/**
 * Reads a workbook's cell values straight from its sheet XML with a streaming parser: the fallback
 * for workbooks exceljs refuses or cannot finish (prefixed SpreadsheetML from .NET generators,
 * absolute relationship targets, parts at unusual paths, table and filter features it trips on,
 * tens of thousands of merged ranges). Parts are found through relationships, elements by namespace
 * URI; rows and cells without numbers are placed after the one before. Only values are read:
 * numbers, shared and inline strings, booleans, errors, cached formula results, and dates where the
 * cell's number format shows a date. A merged range appears once, at its top-left cell, as from
 * exceljs. Shared strings count against `maxTextChars` each time a cell uses them, before they are
 * expanded; cells count against `maxCells`.
 */
export async function readWorkbookTolerantly(
  archive: ZipArchive,
  limits: ReadLimits,
  signal?: AbortSignal,
): Promise<Sheet[]> {
  const pkg = new OoxmlPackage(archive);
  const workbookPart = await findWorkbookPart(pkg);
  if (!workbookPart) {
    throw new ReadError('corrupt', corruptMessage('regnearket mangler arbeidsboken (workbook.xml)'));
  }
  const workbookXml = (await pkg.read(workbookPart))!;
  const { sheets: listed, date1904 } = parseWorkbook(workbookXml);
  const rels = await pkg.relationships(workbookPart);
  const target = (kind: string) => rels.find((r) => r.kind === kind && r.part)?.part ?? null;

  const budget = new TextBudget(limits.maxTextChars);
  const sharedPart = target('sharedstrings') ?? siblingPart(pkg, workbookPart, 'sharedStrings.xml');
  const shared = sharedPart ? parseSharedStrings((await pkg.read(sharedPart)) ?? Buffer.alloc(0)) : [];
  const stylesPart = target('styles') ?? siblingPart(pkg, workbookPart, 'styles.xml');
  const styles = stylesPart ? parseStyles((await pkg.read(stylesPart)) ?? Buffer.alloc(0)) : [];

  // Sheets by the workbook's list; a workbook listing none still has its sheet parts read in name order.
  let parts = listed.flatMap((sheet) => {
    const part = rels.find((r) => r.id === sheet.rid)?.part;
    return part && pkg.entry(part) ? [{ name: sheet.name, part }] : [];
  });
  if (parts.length === 0) {
    parts = pkg
      .names()
      .filter((name) => /(^|\/)worksheets\/[^/]+\.xml$/i.test(name))
      .sort()
      .map((part, i) => ({ name: `Ark${i + 1}`, part }));
  }
  let cellCount = 0;
  const sheets: Sheet[] = [];
  for (const { name, part } of parts) {
    throwIfAborted(signal);
    const xml = await pkg.read(part);
    if (!xml) continue;
    const cells = parseSheet(xml, { shared, styles, date1904, budget });
    cellCount += cells.length;
    if (cellCount > limits.maxCells) {
      throw new ReadError(
        'too-large',
        `Regnearket har for mange celler (over ${formatCount(limits.maxCells)}); grensen er ${formatCount(limits.maxCells)} celler.`,
      );
    }
    sheets.push({ name, cells });
  }
  return sheets;
}

/** The workbook part: the package's officeDocument relationship, else the usual name. */
async function findWorkbookPart(pkg: OoxmlPackage): Promise<string | null> {
  const main = (await pkg.relationships('')).find((r) => r.kind === 'officedocument' && r.part);
  if (main?.part && pkg.entry(main.part)) return pkg.entry(main.part)!.name;
  const named = pkg.names().find((name) => /(^|\/)workbook\.xml$/i.test(name));
  return named ?? null;
}

function siblingPart(pkg: OoxmlPackage, workbookPart: string, name: string): string | null {
  const dir = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) : '';
  return pkg.entry(`${dir}${name}`)?.name ?? null;
}

const isSheetElement = (element: { uri: string }) => SHEET_NAMESPACES.has(element.uri);

function parseWorkbook(xml: Buffer): { sheets: Array<{ name: string; rid: string }>; date1904: boolean } {
  const sheets: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  streamXml(xml, {
    open: (element) => {
      if (!isSheetElement(element)) return;
      if (element.local === 'workbookPr') {
        const value = element.attributes.date1904;
        date1904 = value === '1' || value === 'true';
      }
      if (element.local === 'sheet') {
        sheets.push({
          name: element.attributes.name ?? `Ark${sheets.length + 1}`,
          rid: element.attributes.id ?? '',
        });
      }
    },
  });
  return { sheets, date1904 };
}

/** The text of each shared string (`<si>`): its `<t>` runs, without the phonetic guides (`<rPh>`). */
function parseSharedStrings(xml: Buffer): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = 0;
  let inPhonetic = 0;
  streamXml(xml, {
    open: (element) => {
      if (!isSheetElement(element)) return;
      if (element.local === 'si') current = [];
      else if (element.local === 'rPh') inPhonetic++;
      else if (element.local === 't') inText++;
    },
    close: (local, uri) => {
      if (!SHEET_NAMESPACES.has(uri)) return;
      if (local === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      } else if (local === 'rPh') inPhonetic--;
      else if (local === 't') inText--;
    },
    text: (text) => {
      if (current && inText > 0 && inPhonetic === 0) current.push(text);
    },
  });
  return strings;
}

/** Each cell style (`cellXfs/xf`, by index) with its number format and whether it shows a date. */
function parseStyles(xml: Buffer): CellStyle[] {
  const formats = new Map<number, string>();
  const styles: CellStyle[] = [];
  let inCellXfs = false;
  streamXml(xml, {
    open: (element) => {
      if (!isSheetElement(element)) return;
      if (element.local === 'numFmt') {
        formats.set(Number(element.attributes.numFmtId), element.attributes.formatCode ?? '');
      } else if (element.local === 'cellXfs') inCellXfs = true;
      else if (element.local === 'xf' && inCellXfs) {
        const id = Number(element.attributes.numFmtId ?? 0);
        const code = formats.get(id);
        if (code !== undefined) styles.push({ numFmt: code, isDate: isDateFormat(code) });
        else if (BUILTIN_PERCENT_FORMATS.has(id)) styles.push({ numFmt: '0%', isDate: false });
        else styles.push({ isDate: BUILTIN_DATE_FORMATS.has(id) });
      }
    },
    close: (local) => {
      if (local === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** A custom format shows a date when it has date or time letters outside quotes, escapes and colours. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

interface SheetContext {
  shared: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
  budget: TextBudget;
}

interface PendingCell {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string;
  inline: string;
}

/** The cells of one sheet, in row-major order, merged ranges once at their top-left cell. */
function parseSheet(xml: Buffer, context: SheetContext): SheetCell[] {
  const cells: SheetCell[] = [];
  const merges: Range[] = [];
  let row = 0;
  let col = 0;
  let cell: PendingCell | null = null;
  let reading: 'v' | 't' | null = null;
  let inInline = 0;
  let inPhonetic = 0;

  const open = (element: XmlElement): void => {
    if (!isSheetElement(element)) return;
    switch (element.local) {
      case 'row': {
        const r = Number(element.attributes.r);
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = 0;
        break;
      }
      case 'c': {
        const ref = parseRef(element.attributes.r ?? '');
        if (ref) {
          if (ref.row !== row && ref.row > 0) row = ref.row;
          col = ref.col;
        } else col++;
        if (row === 0) row = 1;
        cell = {
          row,
          col,
          type: element.attributes.t ?? 'n',
          style: Number(element.attributes.s ?? 0) || 0,
          value: '',
          inline: '',
        };
        break;
      }
      case 'v':
        if (cell) reading = 'v';
        break;
      case 'is':
        inInline++;
        break;
      case 'rPh':
        inPhonetic++;
        break;
      case 't':
        if (cell && inInline > 0 && inPhonetic === 0) reading = 't';
        break;
      case 'mergeCell': {
        const range = parseRange(element.attributes.ref ?? '');
        if (range) merges.push(range);
        break;
      }
    }
  };
  const close = (local: string, uri: string): void => {
    if (!SHEET_NAMESPACES.has(uri)) return;
    if (local === 'v' || local === 't') reading = null;
    else if (local === 'is') inInline--;
    else if (local === 'rPh') inPhonetic--;
    else if (local === 'c' && cell) {
      const done = finishCell(cell, context);
      if (done) cells.push(done);
      cell = null;
    }
  };
  const text = (chunk: string): void => {
    if (!cell || !reading) return;
    if (reading === 'v') cell.value += chunk;
    else cell.inline += chunk;
  };
  streamXml(xml, { open, close, text });
  if (merges.length === 0) return cells;
  const covered = mergeIndex(merges);
  return cells.filter((c) => !covered(c.row, c.col));
}

type Range = { top: number; left: number; bottom: number; right: number };

/** Rows up to this tall are indexed row by row; taller merged ranges (rare) are checked one by one. */
const INDEXED_MERGE_ROWS = 256;

/**
 * Whether a cell lies inside a merged range without being its top-left cell. Indexed by row, so
 * 50 000 merged ranges cost no more than the cells they hold.
 */
function mergeIndex(merges: readonly Range[]): (row: number, col: number) => boolean {
  const byRow = new Map<number, Range[]>();
  const tall: Range[] = [];
  for (const m of merges) {
    if (m.bottom - m.top >= INDEXED_MERGE_ROWS) {
      tall.push(m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  const inside = (m: Range, row: number, col: number) =>
    row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left);
  return (row, col) =>
    (byRow.get(row) ?? []).some((m) => inside(m, row, col)) || tall.some((m) => inside(m, row, col));
}

function finishCell(cell: PendingCell, context: SheetContext): SheetCell | null {
  const style = context.styles[cell.style];
  let value: unknown;
  switch (cell.type) {
    case 's': {
      const shared = context.shared[Number(cell.value.trim())];
      // Counted before the cell holds it: 12 000 cells of one 1 MB string are 12 GB once copied out.
      context.budget.spend(shared?.length ?? 0);
      value = shared;
      break;
    }
    case 'inlineStr':
      context.budget.spend(cell.inline.length);
      value = cell.inline || cell.value;
      break;
    case 'str':
      context.budget.spend(cell.value.length);
      value = cell.value;
      break;
    case 'b':
      value = cell.value.trim() === '1' || cell.value.trim().toLowerCase() === 'true';
      break;
    case 'e':
      value = cell.value.trim() === '' ? null : { error: cell.value.trim() };
      break;
    case 'd': {
      const date = new Date(cell.value.trim());
      value = Number.isNaN(date.getTime()) ? null : date;
      break;
    }
    default: {
      const trimmed = cell.value.trim();
      if (trimmed === '') return null;
      const number = Number(trimmed);
      if (!Number.isFinite(number)) return null;
      value = style?.isDate ? excelDate(number, context.date1904) : number;
    }
  }
  const typed = typedValue(value, style?.numFmt);
  if (!typed) return null;
  context.budget.spend(typed.text === value ? 0 : typed.text.length);
  return { ref: `${columnName(cell.col)}${cell.row}`, row: cell.row, col: cell.col, ...typed };
}

/** An Excel serial date as the UTC instant of its wall-clock time (as exceljs gives dates). */
export function excelDate(serial: number, date1904: boolean): CellValue {
  const days = date1904 ? serial + DATE1904_OFFSET_DAYS : serial;
  // Serials below 61 fall before Excel's phantom 29 February 1900.
  const adjusted = !date1904 && days < 61 ? days + 1 : days;
  const date = new Date(Math.round((adjusted - EXCEL_EPOCH_DAYS) * DAY_MS));
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseRef(ref: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!match) return null;
  return { row: Number(match[2]), col: columnNumber(match[1]!) };
}

function parseRange(ref: string): Range | null {
  const [from, to] = ref.split(':');
  const a = parseRef(from ?? '');
  const b = parseRef(to ?? from ?? '');
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
