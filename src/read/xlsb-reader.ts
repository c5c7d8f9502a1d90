import type { ReadDocument, Sheet, SheetCell } from '../domain/document.ts';
import { formatCount, resolveLimits, type ReadLimits } from './limits.ts';
import { ReadError, corruptMessage, failureFromError } from './read-error.ts';
import { emptyDocument, failedDocument, throwIfAborted, type ReaderOptions } from './read-result.ts';
import { OoxmlPackage } from './ooxml-package.ts';
import { TextBudget } from './text-budget.ts';
import { typedValue } from './xlsx-reader.ts';
import { columnName, excelDate, isDateFormat } from './xlsx-tolerant.ts';
import { openZipArchive } from './zip-archive.ts';

/** BIFF12 record types ([MS-XLSB] 2.3), those that carry the values. */
const BRT = {
  rowHdr: 0x0000,
  cellBlank: 0x0001,
  cellRk: 0x0002,
  cellError: 0x0003,
  cellBool: 0x0004,
  cellReal: 0x0005,
  cellSt: 0x0006,
  cellIsst: 0x0007,
  fmlaString: 0x0008,
  fmlaNum: 0x0009,
  fmlaBool: 0x000a,
  fmlaError: 0x000b,
  sstItem: 0x0013,
  fmt: 0x002c,
  xf: 0x002f,
  wbProp: 0x0099,
  bundleSh: 0x009c,
  mergeCell: 0x00b0,
  beginCellXfs: 0x0269,
  endCellXfs: 0x026a,
} as const;

/** Excel's error codes as BIFF12 stores them. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Reads a binary Excel workbook (.xlsb): the same package as an xlsx with binary (BIFF12) parts.
 * Every sheet's values (numbers, shared and inline strings, booleans, errors, cached formula
 * results, dates by their number format) become typed cells as from an xlsx; a merged range once.
 * Records are read with bounds checked, cells count against the cell and text limits.
 */
export async function readXlsb(
  bytes: Buffer,
  path: string,
  options: ReaderOptions = {},
): Promise<ReadDocument> {
  try {
    const limits = resolveLimits(options.limits);
    const archive = await openZipArchive(bytes, limits);
    try {
      const sheets = await readSheets(new OoxmlPackage(archive), limits, options.signal);
      return { ...emptyDocument(bytes, path, 'xlsb', options), method: 'spreadsheet', sheets };
    } finally {
      archive.close();
    }
  } catch (error) {
    return failedDocument(bytes, path, 'xlsb', failureFromError(error), options);
  }
}

async function readSheets(pkg: OoxmlPackage, limits: ReadLimits, signal?: AbortSignal): Promise<Sheet[]> {
  const main = (await pkg.relationships('')).find((r) => r.kind === 'officedocument' && r.part)?.part;
  const workbookPart = main && pkg.entry(main) ? pkg.entry(main)!.name : 'xl/workbook.bin';
  const workbook = await pkg.read(workbookPart);
  if (!workbook)
    throw new ReadError('corrupt', corruptMessage('regnearket mangler arbeidsboken (workbook.bin)'));
  const listed: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  for (const { type, body } of records(workbook)) {
    if (type === BRT.wbProp && body.length >= 4) date1904 = (body.readUInt32LE(0) & 1) === 1;
    if (type === BRT.bundleSh) {
      const reader = new BodyReader(body, 8);
      const rid = reader.nullableWideString() ?? '';
      listed.push({ rid, name: reader.wideString() || `Ark${listed.length + 1}` });
    }
  }
  const rels = await pkg.relationships(workbookPart);
  const target = (kind: string) => rels.find((r) => r.kind === kind && r.part)?.part;
  const sharedPart = target('sharedstrings');
  const shared = sharedPart ? sharedStrings((await pkg.read(sharedPart)) ?? Buffer.alloc(0)) : [];
  const stylesPart = target('styles');
  const styles = stylesPart ? cellStyles((await pkg.read(stylesPart)) ?? Buffer.alloc(0)) : [];
  const budget = new TextBudget(limits.maxTextChars);
  let count = 0;
  const sheets: Sheet[] = [];
  for (const { name, rid } of listed) {
    throwIfAborted(signal);
    const part = rels.find((r) => r.id === rid)?.part;
    const bytes = part ? await pkg.read(part) : null;
    if (!bytes) continue;
    const cells = sheetCells(bytes, { shared, styles, date1904, budget });
    count += cells.length;
    if (count > limits.maxCells) {
      throw new ReadError(
        'too-large',
        `Regnearket har for mange celler (over ${formatCount(limits.maxCells)}); grensen er ${formatCount(limits.maxCells)} celler.`,
      );
    }
    sheets.push({ name, cells });
  }
  return sheets;
}

/** The records of a BIFF12 part: a type and a size, each in 7-bit groups, then the body. */
export function* records(part: Buffer): Generator<{ type: number; body: Buffer }> {
  let at = 0;
  while (at < part.length) {
    const b0 = part[at++]!;
    let type = b0 & 0x7f;
    if (b0 & 0x80) {
      if (at >= part.length) return;
      type |= (part[at++]! & 0x7f) << 7;
    }
    let size = 0;
    for (let i = 0; i < 4; i++) {
      if (at >= part.length) return;
      const b = part[at++]!;
      size |= (b & 0x7f) << (7 * i);
      if (!(b & 0x80)) break;
    }
    if (at + size > part.length) return; // a cut record ends the part
    yield { type, body: part.subarray(at, at + size) };
    at += size;
  }
}

/** Reads the fields of a record body, refusing to read past its end. */
class BodyReader {
  constructor(
    private readonly body: Buffer,
    private at = 0,
  ) {}

  private need(bytes: number): void {
    if (this.at + bytes > this.body.length)
      throw new ReadError('corrupt', corruptMessage('en post i regnearket er avkuttet'));
  }

  u32(): number {
    this.need(4);
    const value = this.body.readUInt32LE(this.at);
    this.at += 4;
    return value;
  }

  wideString(): string {
    const chars = this.u32();
    this.need(chars * 2);
    const text = this.body.toString('utf16le', this.at, this.at + chars * 2);
    this.at += chars * 2;
    return text;
  }

  nullableWideString(): string | null {
    this.need(4);
    if (this.body.readUInt32LE(this.at) === 0xffffffff) {
      this.at += 4;
      return null;
    }
    return this.wideString();
  }
}

/** The text of each shared string (BrtSSTItem: flags, then the string; formatting runs ignored). */
function sharedStrings(part: Buffer): string[] {
  const strings: string[] = [];
  for (const { type, body } of records(part)) {
    if (type === BRT.sstItem) strings.push(new BodyReader(body, 1).wideString());
  }
  return strings;
}

interface CellStyle {
  numFmt?: string;
  isDate: boolean;
}

/** Each cell XF's number format (BrtXF inside BrtBeginCellXFs; formats from BrtFmt). */
function cellStyles(part: Buffer): CellStyle[] {
  const formats = new Map<number, string>();
  const styles: CellStyle[] = [];
  let inCellXfs = false;
  for (const { type, body } of records(part)) {
    if (type === BRT.fmt && body.length >= 6) {
      formats.set(body.readUInt16LE(0), new BodyReader(body, 2).wideString());
    } else if (type === BRT.beginCellXfs) inCellXfs = true;
    else if (type === BRT.endCellXfs) inCellXfs = false;
    else if (type === BRT.xf && inCellXfs && body.length >= 4) {
      const id = body.readUInt16LE(2);
      const code = formats.get(id);
      if (code !== undefined) styles.push({ numFmt: code, isDate: isDateFormat(code) });
      else if (id === 9 || id === 10) styles.push({ numFmt: '0%', isDate: false });
      else styles.push({ isDate: BUILTIN_DATE_FORMATS.has(id) });
    }
  }
  return styles;
}

interface SheetContext {
  shared: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
  budget: TextBudget;
}

/** The cells of a sheet part in row-major order; merged ranges once, at their top-left cell. */
function sheetCells(part: Buffer, context: SheetContext): SheetCell[] {
  const cells: SheetCell[] = [];
  const merges: Array<[number, number, number, number]> = [];
  let row = 0;
  for (const { type, body } of records(part)) {
    if (type === BRT.rowHdr && body.length >= 4) {
      row = body.readUInt32LE(0);
      continue;
    }
    if (type === BRT.mergeCell && body.length >= 16) {
      merges.push([body.readUInt32LE(0), body.readUInt32LE(4), body.readUInt32LE(8), body.readUInt32LE(12)]);
      continue;
    }
    if (type < BRT.cellBlank || type > BRT.fmlaError || body.length < 8) continue;
    const col = body.readUInt32LE(0);
    const style = context.styles[body.readUInt32LE(4) & 0xffffff];
    const value = cellValue(type, new BodyReader(body, 8), body, style, context);
    if (value === undefined) continue;
    const typed = typedValue(value, style?.numFmt);
    if (!typed) continue;
    // Counted before the cell is kept: a shared string counts once per cell that uses it.
    context.budget.spend(typed.text.length);
    cells.push({ ref: `${columnName(col + 1)}${row + 1}`, row: row + 1, col: col + 1, ...typed });
  }
  if (merges.length === 0) return cells;
  // Merged ranges are few in binary workbooks written by Excel; a plain check suffices.
  return cells.filter(
    (c) =>
      !merges.some(
        ([top, bottom, left, right]) =>
          c.row - 1 >= top &&
          c.row - 1 <= bottom &&
          c.col - 1 >= left &&
          c.col - 1 <= right &&
          (c.row - 1 !== top || c.col - 1 !== left),
      ),
  );
}

function cellValue(
  type: number,
  reader: BodyReader,
  body: Buffer,
  style: CellStyle | undefined,
  context: SheetContext,
): unknown {
  const number = (n: number) => (style?.isDate ? excelDate(n, context.date1904) : n);
  switch (type) {
    case BRT.cellRk:
      return body.length >= 12 ? number(rkNumber(body.readUInt32LE(8))) : undefined;
    case BRT.cellReal:
    case BRT.fmlaNum:
      return body.length >= 16 ? number(body.readDoubleLE(8)) : undefined;
    case BRT.cellBool:
    case BRT.fmlaBool:
      return body.length >= 9 ? body[8] === 1 : undefined;
    case BRT.cellError:
    case BRT.fmlaError:
      return body.length >= 9 ? { error: ERRORS[body[8]!] ?? '#VALUE!' } : undefined;
    case BRT.cellSt:
    case BRT.fmlaString:
      return reader.wideString();
    case BRT.cellIsst:
      return body.length >= 12 ? context.shared[body.readUInt32LE(8)] : undefined;
    default:
      return undefined;
  }
}

/** An RK number: 30 bits of an integer or of a double's high half, possibly divided by 100. */
export function rkNumber(rk: number): number {
  const divide = (rk & 0x01) !== 0;
  let value: number;
  if (rk & 0x02) value = rk >> 2;
  else {
    const buffer = Buffer.alloc(8);
    buffer.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    value = buffer.readDoubleLE(0);
  }
  return divide ? value / 100 : value;
}
