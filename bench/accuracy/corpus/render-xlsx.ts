import ExcelJS from 'exceljs';
import type { CellStyle, CellValue, XlsxModel } from './document-model.ts';
import { repackZip } from './repack-zip.ts';

/** Writes an XlsxModel with exceljs; formulas carry their cached results, as Excel saves them. */
export async function renderXlsx(model: XlsxModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const created = new Date(model.created);
  wb.creator = 'Microsoft Excel';
  wb.lastModifiedBy = 'Microsoft Excel';
  wb.created = created;
  wb.modified = created;
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.widths.map((w) => ({ width: w }));
    sheet.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        const [value, style]: [CellValue, CellStyle] = Array.isArray(cell) ? cell : [cell, {}];
        if (value === null) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = value;
        if (style.bold) target.font = { bold: true };
        if (style.numFmt) target.numFmt = style.numFmt;
      });
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
  }
  const out = await wb.xlsx.writeBuffer();
  return repackZip(Buffer.from(out as ArrayBuffer), created);
}
