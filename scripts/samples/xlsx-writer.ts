/**
 * Excel workbooks through exceljs with fixed document properties, re-packed with fixed zip
 * timestamps (exceljs stamps every zip entry with the current time).
 */
import ExcelJS from 'exceljs';
import { unzipBuffer, zipBuffer } from './zip-writer.ts';

export interface XlsxMeta {
  creator: string;
  /** ISO date for created/modified. */
  date: string;
}

export type Cell = string | number | { formula: string; result: number } | null;

export const MONEY_FORMAT = '#,##0';

export function newWorkbook(meta: XlsxMeta): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const at = new Date(`${meta.date}T08:15:00Z`);
  wb.creator = meta.creator;
  wb.lastModifiedBy = meta.creator;
  wb.created = at;
  wb.modified = at;
  wb.calcProperties.fullCalcOnLoad = false;
  return wb;
}

/** Write a row of values starting at column A (or `startCol`), returning the row. */
export function putRow(ws: ExcelJS.Worksheet, rowNumber: number, cells: Cell[], startCol = 1): ExcelJS.Row {
  const row = ws.getRow(rowNumber);
  cells.forEach((c, i) => {
    if (c === null) return;
    const cell = row.getCell(startCol + i);
    cell.value = c;
    if (typeof c === 'number' || (typeof c === 'object' && 'formula' in c)) cell.numFmt = MONEY_FORMAT;
  });
  return row;
}

export function bold(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { ...(cell.font ?? {}), bold: true };
  });
}

export function boxBorders(
  ws: ExcelJS.Worksheet,
  fromRow: number,
  toRow: number,
  fromCol: number,
  toCol: number,
): void {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = fromCol; c <= toCol; c++) {
      ws.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    }
  }
}

export function fill(
  ws: ExcelJS.Worksheet,
  row: number,
  fromCol: number,
  toCol: number,
  argb = 'FFD9E2F3',
): void {
  for (let c = fromCol; c <= toCol; c++) {
    ws.getCell(row, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  }
}

export async function workbookBuffer(wb: ExcelJS.Workbook, mtimeIso: string): Promise<Buffer> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  const entries = await unzipBuffer(raw);
  return zipBuffer(entries, mtimeIso);
}
