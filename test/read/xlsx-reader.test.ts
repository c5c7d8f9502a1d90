import { describe, expect, it } from 'vitest';

import type { SheetCell } from '../../src/domain/document.ts';
import { readXlsx, typedValue } from '../../src/read/xlsx-reader.ts';
import { makeXlsx, makeZip } from '../support/document-fixtures.ts';

function cellMap(cells: SheetCell[]): Map<string, SheetCell> {
  return new Map(cells.map((cell) => [cell.ref, cell]));
}

async function budgetWorkbook(): Promise<Buffer> {
  return makeXlsx((workbook) => {
    const budget = workbook.addWorksheet('Budsjett');
    budget.getCell('A1').value = 'Budsjett for tilskudd 2025';
    budget.mergeCells('A1:C1');
    budget.getCell('A2').value = 'Lønn';
    budget.getCell('B2').value = 1_100_000;
    budget.getCell('A3').value = 'Drift';
    budget.getCell('B3').value = 150_000.5;
    budget.getCell('A4').value = 'Sum';
    budget.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 1_250_000.5 };
    budget.getCell('A5').value = 'Dato';
    budget.getCell('B5').value = new Date(Date.UTC(2025, 2, 3));
    budget.getCell('A6').value = 'Andel';
    budget.getCell('B6').value = 0.25;
    budget.getCell('B6').numFmt = '0%';
    budget.getCell('A7').value = 'Egenandel';
    budget.getCell('B7').value = true;
    budget.getCell('A8').value = { richText: [{ text: 'Rik ', font: { bold: true } }, { text: 'tekst' }] };
    budget.getCell('A9').value = { text: 'Helsedirektoratet', hyperlink: 'https://www.helsedirektoratet.no' };
    budget.getCell('A10').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    budget.getCell('A11').value = { formula: 'B99*2' };

    const hidden = workbook.addWorksheet('Skjult', { state: 'hidden' });
    hidden.getCell('A1').value = 'Hjelpeark';
    hidden.getCell('B2').value = 42;
  });
}

describe('readXlsx', () => {
  it('reads every sheet, hidden ones too, in workbook order', async () => {
    const result = await readXlsx(await budgetWorkbook(), 'budsjett.xlsx');
    expect(result.failure).toBeNull();
    expect(result).toMatchObject({ format: 'xlsx', method: 'spreadsheet', pageCount: null, pages: [] });
    expect(result.sheets.map((sheet) => sheet.name)).toEqual(['Budsjett', 'Skjult']);
    expect(result.sheets[1]?.cells).toEqual([
      { ref: 'A1', row: 1, col: 1, value: 'Hjelpeark', text: 'Hjelpeark' },
      { ref: 'B2', row: 2, col: 2, value: 42, text: '42' },
    ]);
  });

  it('types numbers, dates, booleans and strings, and gives formulas their cached result', async () => {
    const cells = cellMap((await readXlsx(await budgetWorkbook(), 'b.xlsx')).sheets[0]?.cells ?? []);
    expect(cells.get('B2')).toEqual({ ref: 'B2', row: 2, col: 2, value: 1_100_000, text: '1100000' });
    expect(cells.get('B3')?.value).toBe(150_000.5);
    expect(cells.get('B4')).toMatchObject({ value: 1_250_000.5, text: '1250000.5' });
    expect(cells.get('B5')?.value).toEqual(new Date(Date.UTC(2025, 2, 3)));
    expect(cells.get('B5')?.text).toBe('2025-03-03');
    expect(cells.get('B6')).toMatchObject({ value: 0.25, text: '25%' });
    expect(cells.get('B7')).toMatchObject({ value: true, text: 'TRUE' });
    expect(cells.get('A2')).toMatchObject({ value: 'Lønn', text: 'Lønn' });
  });

  it('turns rich text and hyperlinks into plain text and errors into null with the error as text', async () => {
    const cells = cellMap((await readXlsx(await budgetWorkbook(), 'b.xlsx')).sheets[0]?.cells ?? []);
    expect(cells.get('A8')).toMatchObject({ value: 'Rik tekst', text: 'Rik tekst' });
    expect(cells.get('A9')).toMatchObject({ value: 'Helsedirektoratet', text: 'Helsedirektoratet' });
    expect(cells.get('A10')).toMatchObject({ value: null, text: '#DIV/0!' });
    // A formula that was never calculated has no value to show.
    expect(cells.has('A11')).toBe(false);
  });

  it('reports a merged range once, at its top-left cell', async () => {
    const cells = (await readXlsx(await budgetWorkbook(), 'b.xlsx')).sheets[0]?.cells ?? [];
    const firstRow = cells.filter((cell) => cell.row === 1);
    expect(firstRow).toEqual([
      { ref: 'A1', row: 1, col: 1, value: 'Budsjett for tilskudd 2025', text: 'Budsjett for tilskudd 2025' },
    ]);
  });

  it('lists cells in row-major order', async () => {
    const cells = (await readXlsx(await budgetWorkbook(), 'b.xlsx')).sheets[0]?.cells ?? [];
    const order = cells.map((cell) => cell.row * 100 + cell.col);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('fails a damaged workbook as corrupt', async () => {
    const bytes = await budgetWorkbook();
    const result = await readXlsx(bytes.subarray(0, Math.floor(bytes.length / 2)), 'skadet.xlsx');
    expect(result.failure?.reason).toBe('corrupt');
    expect(result.sheets).toEqual([]);
    expect(result.method).toBe('none');
  });

  it('refuses a workbook whose parts would unpack beyond the zip limits before parsing it', async () => {
    const bomb = await makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * 1024 * 1024) },
    ]);
    const result = await readXlsx(bomb, 'bombe.xlsx', { limits: { maxCompressionRatio: 50 } });
    expect(result.failure?.reason).toBe('too-large');
  });
});

describe('typedValue', () => {
  it('rounds away floating-point noise in the displayed text but keeps the exact value', () => {
    expect(typedValue(0.1 + 0.2)).toEqual({ value: 0.30000000000000004, text: '0.3' });
  });

  it('shows a date with a time of day as date and time', () => {
    expect(typedValue(new Date(Date.UTC(2025, 2, 3, 14, 30)))?.text).toBe('2025-03-03 14:30');
  });

  it('skips empty strings and values it does not know', () => {
    expect(typedValue('  ')).toBeNull();
    expect(typedValue({ something: 'else' })).toBeNull();
  });
});
