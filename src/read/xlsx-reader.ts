import ExcelJS from 'exceljs';

import type { CellValue, ReadDocument, Sheet, SheetCell } from '../domain/document.ts';
import { resolveLimits } from './limits.ts';
import { ReadError, corruptMessage, failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, throwIfAborted, type ReaderOptions } from './read-result.ts';
import { openZipArchive } from './zip-archive.ts';

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
 * zip limits fail with 'too-large' before the workbook is parsed.
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
  // exceljs inflates every part into memory, so a bomb must be caught from the declared sizes first.
  const archive = await openZipArchive(bytes, resolveLimits(options.limits));
  archive.close();
  const refused = archive.entries.find((entry) => entry.problem && entry.problem.reason !== 'unsafe-path');
  if (refused?.problem)
    throw new ReadError('too-large', refused.problem.message.replace('Filen i zip-arkivet', 'Regnearket'));

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ReadError('corrupt', corruptMessage(`Excel-filen kan ikke tolkes (${messageOf(error)})`), {
      cause: error,
    });
  }
  throwIfAborted(options.signal);
  return workbook.worksheets.map((worksheet) => ({ name: worksheet.name, cells: sheetCells(worksheet) }));
}

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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
