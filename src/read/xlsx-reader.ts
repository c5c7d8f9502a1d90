import ExcelJS from 'exceljs';

import type { CellValue, ReadDocument, Sheet, SheetCell } from '../domain/document.ts';
import { formatCount, resolveLimits, type ReadLimits } from './limits.ts';
import { ReadError, corruptMessage, failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, throwIfAborted, type ReaderOptions } from './read-result.ts';
import { TextBudget } from './text-budget.ts';
import {
  countElements,
  countSheet,
  sharedStringLengths,
  spendSharedStrings,
  STRUCTURE_ELEMENTS,
} from './xlsx-counts.ts';
import { readWorkbookTolerantly } from './xlsx-tolerant.ts';
import { openZipArchive, zipProblemToFailure } from './zip-archive.ts';

/** Excel shows at most 15 significant digits; more only shows floating-point noise (0.1 + 0.2). */
const DISPLAY_PRECISION = 15;

/**
 * Reads every sheet of an xlsx workbook (hidden sheets too) into typed cells: numbers, strings,
 * booleans and dates as such; formulas as their cached result; rich text and hyperlinks as their
 * plain text; error values as null with the error ('#REF!') as text. A merged range appears once,
 * at its top-left cell. Cells without a value (including formulas never calculated) are left out.
 *
 * `text` is locale-neutral so later stages can parse it: numbers as JavaScript prints them (rounded
 * to 15 digits), percentages as "25%", dates as "2025-03-03" (with " 14:30" when there is a time).
 *
 * Never throws for bad input: damaged workbooks fail with 'corrupt'; parts that unpack beyond the
 * zip limits, and workbooks with more than `limits.maxCells` cells, fail with 'too-large' before the
 * workbook is parsed; a DOCTYPE or ENTITY declaration (the XML entity bomb) fails with 'corrupt'.
 */
export async function readXlsx(
  bytes: Buffer,
  path: string,
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  try {
    const sheets = await extractSheets(bytes, options);
    return { ...emptyDocument(bytes, path, 'xlsx', options), method: 'spreadsheet', sheets };
  } catch (error) {
    return failedDocument(bytes, path, 'xlsx', failureFromError(error), options);
  }
}

async function extractSheets(bytes: Buffer, options: ReaderOptions): Promise<Sheet[]> {
  const limits = resolveLimits(options.limits);
  const counted = await preflight(bytes, limits, options.signal);
  const tolerant = async (): Promise<Sheet[]> => {
    const archive = await openZipArchive(bytes, limits);
    try {
      return await readWorkbookTolerantly(archive, limits, options.signal);
    } finally {
      archive.close();
    }
  };
  // exceljs checks each merged range against all before it: tens of thousands hold a thread for minutes.
  if (counted.merges > MAX_EXCELJS_MERGES) return tolerant();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    // Mainstream programs open what exceljs refuses (prefixed XML, unusual parts, table features).
    return tolerant().catch((fallbackError: unknown) => {
      if (fallbackError instanceof ReadError && fallbackError.code !== 'corrupt') throw fallbackError;
      throw new ReadError('corrupt', corruptMessage('Excel-filen kan ikke tolkes'), { cause: error });
    });
  }
  throwIfAborted(options.signal);
  const sheets = workbook.worksheets.map((worksheet) => ({
    name: worksheet.name,
    cells: sheetCells(worksheet),
  }));
  // exceljs finds sheets by their usual part names only; cells it missed are read the other way.
  if (counted.cells > 0 && sheets.every((sheet) => sheet.cells.length === 0)) return tolerant();
  return sheets;
}

/** More merged ranges than this are read by the tolerant reader (see extractSheets). */
const MAX_EXCELJS_MERGES = 2_000;

/** What the preflight counted: cells (merged ranges by their area) and merged ranges. */
interface WorkbookCounts {
  cells: number;
  merges: number;
}

/**
 * exceljs inflates every part into memory and builds an object per cell, so the workbook is checked
 * first, one part at a time: declared sizes against the zip limits, then every part unpacked (which
 * also proves its declared size true), XML parts searched for DOCTYPE/ENTITY declarations, the cells
 * of the sheets counted (a merged range by its area, as exceljs makes a cell of each), and the text
 * the cells would expand to added up (a shared string once per cell that uses it).
 */
async function preflight(
  bytes: Buffer,
  limits: ReadLimits,
  signal: AbortSignal | undefined,
): Promise<WorkbookCounts> {
  const archive = await openZipArchive(bytes, limits);
  const budget = new TextBudget(limits.maxTextChars);
  const tooManyCells = () =>
    new ReadError(
      'too-large',
      `Regnearket har for mange celler (over ${formatCount(limits.maxCells)}); grensen er ${formatCount(limits.maxCells)} celler.`,
    );
  try {
    // A part with a strange name or a link for data is never unpacked anywhere; the rest must be sound.
    const refused = archive.entries.find(
      (entry) =>
        entry.problem && entry.problem.reason !== 'unsafe-path' && entry.problem.reason !== 'symlink',
    );
    if (refused?.problem) {
      const failure = zipProblemToFailure(refused.problem);
      throw new ReadError(
        failure.reason,
        failure.message.replace('Filen i zip-arkivet', 'En del av regnearket'),
      );
    }
    let cells = 0;
    let structure = 0;
    let merges = 0;
    let sharedLengths: number[] | null = null;
    const sheetParts: Buffer[] = [];
    for (const entry of archive.entries) {
      if (entry.problem) continue;
      throwIfAborted(signal);
      const part = await archive.read(entry).catch((error: unknown) => {
        if (error instanceof ReadError && error.code === 'too-large') {
          throw new ReadError(
            'too-large',
            error.message.replace('Filen i zip-arkivet', 'En del av regnearket'),
          );
        }
        throw error;
      });
      if (!/\.(xml|rels|vml)$/i.test(entry.name)) continue;
      if (hasDoctype(part)) {
        throw new ReadError(
          'corrupt',
          corruptMessage('Regnearket inneholder DOCTYPE/ENTITY-deklarasjoner, som ikke tillates'),
        );
      }
      // Styles and relationships become objects too: they count like cells.
      if (/(^|\/)styles\.xml$/i.test(entry.name) || /\.rels$/i.test(entry.name)) {
        structure += countElements(part, STRUCTURE_ELEMENTS, limits.maxCells - structure + 1);
        if (structure > limits.maxCells) {
          throw new ReadError(
            'too-large',
            `Regnearket har for mange stiler og relasjoner (over ${formatCount(limits.maxCells)}); grensen er ${formatCount(limits.maxCells)}, som for celler.`,
          );
        }
      }
      if (/(^|\/)sharedStrings\.xml$/i.test(entry.name)) sharedLengths = sharedStringLengths(part);
      else if (/(^|\/)worksheets\/[^/]+\.xml$/i.test(entry.name)) {
        const counts = countSheet(part, limits.maxCells - cells + 1);
        cells += counts.cells + counts.mergedCells;
        merges += counts.merges;
        if (cells > limits.maxCells) throw tooManyCells();
        sheetParts.push(part);
      }
    }
    // Text is counted once every shared string's length is known; sheets may come before it.
    for (const part of sheetParts) {
      throwIfAborted(signal);
      spendSharedStrings(part, sharedLengths ?? [], budget);
    }
    return { cells, merges };
  } finally {
    archive.close();
  }
}

/** True when the XML declares a document type or entities (the start of an entity-expansion bomb). */
function hasDoctype(xml: Buffer): boolean {
  return xml.includes('<!DOCTYPE', 0, 'latin1') || xml.includes('<!ENTITY', 0, 'latin1');
}

export { countCells } from './xlsx-counts.ts';

function sheetCells(worksheet: ExcelJS.Worksheet): SheetCell[] {
  const cells: SheetCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // The other cells of a merged range repeat the top-left value; it is reported once.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const typed = typedValue(cell.value, cell.numFmt);
      if (!typed) return;
      cells.push({ ref: cell.address, row: Number(cell.row), col: Number(cell.col), ...typed });
    });
  });
  return cells;
}

/** A cell's value and displayed text, or null when the cell shows nothing. */
export function typedValue(value: unknown, numFmt?: string): { value: CellValue; text: string } | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { value, text: formatNumber(value, numFmt) } : null;
  }
  if (typeof value === 'string') return value.trim() === '' ? null : { value, text: value };
  if (typeof value === 'boolean') return { value, text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : { value, text: formatDate(value) };
  }
  if (typeof value !== 'object') return null;
  const object = value as Record<string, unknown>;
  if (typeof object.error === 'string') return { value: null, text: object.error };
  if ('formula' in object || 'sharedFormula' in object) return typedValue(object.result, numFmt);
  if (Array.isArray(object.richText)) return typedValue(richTextOf(object.richText), numFmt);
  if ('hyperlink' in object) {
    const text = typeof object.text === 'string' ? object.text : richTextOf(asRichText(object.text));
    return typedValue(text.trim() === '' ? String(object.hyperlink ?? '') : text, numFmt);
  }
  return null;
}

function asRichText(value: unknown): unknown[] {
  const runs = (value as { richText?: unknown } | null)?.richText;
  return Array.isArray(runs) ? runs : [];
}

function richTextOf(runs: unknown[]): string {
  return runs.map((run) => String((run as { text?: unknown } | null)?.text ?? '')).join('');
}

function formatNumber(value: number, numFmt?: string): string {
  const plain = (n: number): string => String(Number(n.toPrecision(DISPLAY_PRECISION)));
  // A percent sign outside quotes in the format means Excel shows the value times 100.
  const format = (numFmt ?? '').replace(/"[^"]*"/g, '');
  if (format.includes('%')) return `${plain(value * 100)}%`;
  return plain(value);
}

/** exceljs gives dates as UTC instants of the wall-clock time in the sheet. */
function formatDate(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
