import type { ReadDocument, Sheet } from '../../src/domain/document.ts';

/** A read text document from page texts (lines separated by \n, columns by \t). */
export function textDocument(path: string, ...pages: string[]): ReadDocument {
  return {
    path,
    sha256: 'b'.repeat(64),
    format: 'pdf',
    method: 'text',
    pageCount: pages.length,
    pages: pages.map((text, i) => ({ page: i + 1, text, method: 'text', confidence: null, words: [] })),
    sheets: [],
    pagesNeedingOcr: [],
    failure: null,
  };
}

/** A read workbook from rows of cell values (row 1 first, column A first). */
export function sheetDocument(
  path: string,
  name: string,
  rows: Array<Array<string | number | null>>,
): ReadDocument {
  const cells: Sheet['cells'] = [];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) return;
      cells.push({
        ref: `${String.fromCharCode(65 + c)}${r + 1}`,
        row: r + 1,
        col: c + 1,
        value,
        text: String(value),
      });
    }),
  );
  return {
    ...textDocument(path),
    format: 'xlsx',
    method: 'spreadsheet',
    pages: [],
    pageCount: null,
    sheets: [{ name, cells }],
  };
}
