/**
 * Excel attachments: application budgets in three layouts, and financial reports
 * (egenerklæring, budsjett/regnskap) for reports. Sums are formulas with cached results, except
 * where a sample deliberately states a total that does not add up.
 */
import type ExcelJS from 'exceljs';
import { dateText, groupDigits } from '../format.ts';
import type { ApplicationCase, ReportCase } from '../model.ts';
import { bold, boxBorders, fill, newWorkbook, putRow, workbookBuffer, type Cell } from '../xlsx-writer.ts';
import {
  applicantOrg,
  grantYear,
  positions,
  priority,
  statedBudgetTotal,
  sumOf,
  upperFirst,
} from './common.ts';

export type BudgetLayout = 'simple' | 'columns' | 'titleblock';

/** A sum cell: a SUM formula with its cached result, or a typed number when the stated total differs. */
function sumCell(range: string, actual: number, stated: number): Cell {
  return stated === actual ? { formula: `SUM(${range})`, result: actual } : stated;
}

/** Amounts typed as text, as people do: "520 000 kr" with thin spaces (U+2009) between the groups. */
function typedAmount(n: number): string {
  return `${groupDigits(n, '\u2009')} kr`;
}

export async function budgetXlsx(
  c: ApplicationCase,
  layout: BudgetLayout,
  creator: string,
  opts: { textAmounts?: boolean } = {},
): Promise<Buffer> {
  const wb = newWorkbook({ creator, date: c.date });
  const lines = c.budget;
  const actual = sumOf(lines);
  const stated = statedBudgetTotal(c);

  if (layout === 'simple') {
    // label in column A, amount in column B
    const ws = wb.addWorksheet('Budsjett');
    ws.columns = [{ width: 52 }, { width: 18 }];
    bold(putRow(ws, 1, [`Budsjett – ${c.project.name}`]));
    putRow(ws, 2, [`${c.applicant.name}, søknad om tilskudd for ${c.year}`]);
    bold(putRow(ws, 4, ['Post', 'Beløp (kr)']));
    lines.forEach((r, i) =>
      putRow(ws, 5 + i, [r.label, opts.textAmounts ? typedAmount(r.amount) : r.amount]),
    );
    const last = 4 + lines.length;
    const total = opts.textAmounts ? typedAmount(stated) : sumCell(`B5:B${last}`, actual, stated);
    bold(putRow(ws, last + 1, ['Sum søkt tilskudd', total]));
    if (opts.textAmounts) {
      for (let row = 5; row <= last + 1; row++) ws.getCell(row, 2).alignment = { horizontal: 'right' };
    }
    boxBorders(ws, 4, last + 1, 1, 2);
  } else if (layout === 'columns') {
    // header row "Post | Søkt tilskudd | Egenfinansiering | Sum" with row formulas
    const ws = wb.addWorksheet('Ark1');
    ws.columns = [{ width: 46 }, { width: 16 }, { width: 18 }, { width: 16 }];
    bold(putRow(ws, 1, ['Post', 'Søkt tilskudd', 'Egenfinansiering', 'Sum']));
    fill(ws, 1, 1, 4);
    lines.forEach((r, i) => {
      const row = 2 + i;
      const own = r.own ?? 0;
      putRow(ws, row, [r.label, r.amount, own, { formula: `B${row}+C${row}`, result: r.amount + own }]);
    });
    const last = 1 + lines.length;
    const ownSum = sumOf(lines, (r) => r.own ?? 0);
    bold(
      putRow(ws, last + 1, [
        'Sum',
        sumCell(`B2:B${last}`, actual, stated),
        { formula: `SUM(C2:C${last})`, result: ownSum },
        { formula: `SUM(D2:D${last})`, result: actual + ownSum },
      ]),
    );
    boxBorders(ws, 1, last + 1, 1, 4);
  } else {
    // a title block with merged cells, then a table with a merged group header
    const ws = wb.addWorksheet('Budsjett ' + c.year);
    ws.columns = [{ width: 40 }, { width: 18 }, { width: 18 }, { width: 16 }];
    ws.mergeCells('A1:D1');
    ws.getCell('A1').value = 'BUDSJETT';
    ws.getCell('A1').font = { bold: true, size: 16 };
    ws.getCell('A1').alignment = { horizontal: 'center' };
    ws.mergeCells('A2:D2');
    ws.getCell('A2').value = c.schemeText;
    ws.getCell('A2').alignment = { horizontal: 'center', wrapText: true };
    const info: Array<[string, string]> = [['Kommune:', c.applicant.name]];
    const org = applicantOrg(c.applicant);
    if (org) info.push(['Org.nr.:', org]);
    info.push(['Tilskuddsår:', String(c.year)]);
    info.push(['Tiltak:', c.project.name]);
    const pri = priority(c);
    if (pri) info.push(['Prioritet:', pri]);
    const gy = grantYear(c);
    if (gy) info.push(['Fase:', upperFirst(gy)]);
    const pos = positions(c);
    if (pos) info.push(['Stillinger:', pos]);
    info.forEach(([label, value], i) => {
      const row = 4 + i;
      ws.getCell(`A${row}`).value = label;
      ws.getCell(`A${row}`).font = { bold: true };
      ws.mergeCells(`B${row}:D${row}`);
      ws.getCell(`B${row}`).value = value;
    });
    const head = 5 + info.length;
    ws.mergeCells(`B${head}:C${head}`);
    ws.getCell(`B${head}`).value = 'Finansiering';
    ws.getCell(`B${head}`).alignment = { horizontal: 'center' };
    bold(ws.getRow(head));
    bold(putRow(ws, head + 1, ['Kostnadspost', 'Søkt fra Statsforvalteren', 'Kommunal andel', 'Totalt']));
    fill(ws, head, 1, 4);
    fill(ws, head + 1, 1, 4);
    const first = head + 2;
    lines.forEach((r, i) => {
      const row = first + i;
      const own = r.own ?? 0;
      putRow(ws, row, [r.label, r.amount, own, { formula: `SUM(B${row}:C${row})`, result: r.amount + own }]);
    });
    const last = first + lines.length - 1;
    const ownSum = sumOf(lines, (r) => r.own ?? 0);
    bold(
      putRow(ws, last + 1, [
        'Sum',
        sumCell(`B${first}:B${last}`, actual, stated),
        { formula: `SUM(C${first}:C${last})`, result: ownSum },
        { formula: `SUM(D${first}:D${last})`, result: actual + ownSum },
      ]),
    );
    boxBorders(ws, head, last + 1, 1, 4);
    ws.getCell(`A${last + 3}`).value = `Utarbeidet av ${c.contact.name}, ${c.contact.title}`;
  }
  return workbookBuffer(wb, c.date);
}

export type FinancialLayout = 'egenerklaering' | 'regnskap';

export interface FinancialOptions {
  layout: FinancialLayout;
  creator: string;
  /** The org number as a number cell instead of text. */
  orgAsNumber?: boolean;
}

function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string, width: string): void {
  ws.mergeCells(`A1:${width}1`);
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells(`A2:${width}2`);
  ws.getCell('A2').value = subtitle;
  ws.getCell('A2').font = { italic: true };
}

export async function financialXlsx(c: ReportCase, o: FinancialOptions): Promise<Buffer> {
  const wb = newWorkbook({ creator: o.creator, date: c.date });
  const spentLines = c.budget;
  const spentSum = sumOf(spentLines);
  if (spentLines.length > 0 && spentSum !== c.spent) {
    throw new Error(`${c.applicant.name}: spent lines ${spentSum} ≠ spent ${c.spent}`);
  }
  const orgCell = (): Cell =>
    c.applicant.orgNumber === null
      ? null
      : o.orgAsNumber
        ? Number(c.applicant.orgNumber)
        : applicantOrg(c.applicant);
  const unusedCell = (formula: string): Cell =>
    c.unused === c.granted - c.spent ? { formula, result: c.unused } : c.unused;

  if (o.layout === 'egenerklaering') {
    const ws = wb.addWorksheet('Egenerklæring');
    ws.columns = [{ width: 44 }, { width: 22 }, { width: 10 }];
    titleRows(ws, 'Egenerklæring – økonomisk rapport', c.schemeText, 'C');
    putRow(ws, 4, ['Tilskuddsmottaker', c.applicant.name]);
    if (c.applicant.orgNumber !== null) putRow(ws, 5, ['Organisasjonsnummer', orgCell()]);
    putRow(ws, 6, ['Rapporteringsår', c.year]);
    ws.getCell('B6').numFmt = '0';
    if (o.orgAsNumber) ws.getCell('B5').numFmt = '0';
    putRow(ws, 7, [c.labels.granted, c.granted]);
    bold(putRow(ws, 9, ['Forbruk av tilskuddet', 'Beløp']));
    fill(ws, 9, 1, 2);
    spentLines.forEach((r, i) => putRow(ws, 10 + i, [r.label, r.amount]));
    const last = 9 + spentLines.length;
    const sumRow = last + 1;
    bold(putRow(ws, sumRow, ['Sum forbruk', { formula: `SUM(B10:B${last})`, result: spentSum }]));
    bold(putRow(ws, sumRow + 1, ['Ubrukte midler', unusedCell(`B7-B${sumRow}`)]));
    boxBorders(ws, 9, sumRow + 1, 1, 2);
    putRow(ws, sumRow + 3, ['Det bekreftes at tilskuddet er benyttet i samsvar med tilskuddsbrevet.']);
    putRow(ws, sumRow + 5, ['Dato', dateText(c.date, 'dots')]);
    putRow(ws, sumRow + 6, ['Navn', `${c.signer.name}, ${c.signer.title}`]);
  } else {
    const ws = wb.addWorksheet('Regnskap');
    ws.columns = [{ width: 40 }, { width: 16 }, { width: 16 }, { width: 16 }];
    titleRows(ws, `Økonomirapport ${c.year}`, c.schemeText, 'D');
    putRow(ws, 3, [`${c.labels.applicant}: ${c.applicant.name}`]);
    const org = applicantOrg(c.applicant);
    if (org) putRow(ws, 4, [`Org.nr.: ${org}`]);
    putRow(ws, 5, [`Rapport for ${c.year}`]);
    bold(putRow(ws, 7, ['Kostnadsart', 'Budsjett', 'Regnskap', 'Avvik']));
    fill(ws, 7, 1, 4);
    spentLines.forEach((r, i) => {
      const row = 8 + i;
      const planned = r.planned ?? r.amount;
      putRow(ws, row, [
        r.label,
        planned,
        r.amount,
        { formula: `B${row}-C${row}`, result: planned - r.amount },
      ]);
    });
    const last = 7 + spentLines.length;
    const plannedSum = sumOf(spentLines, (r) => r.planned ?? r.amount);
    bold(
      putRow(ws, last + 1, [
        'Sum',
        { formula: `SUM(B8:B${last})`, result: plannedSum },
        { formula: `SUM(C8:C${last})`, result: spentSum },
        { formula: `SUM(D8:D${last})`, result: plannedSum - spentSum },
      ]),
    );
    boxBorders(ws, 7, last + 1, 1, 4);
    const g = last + 3;
    putRow(ws, g, [c.labels.granted, c.granted]);
    putRow(ws, g + 1, ['Regnskap (sum forbruk)', { formula: `C${last + 1}`, result: spentSum }]);
    putRow(ws, g + 2, ['Ubrukte midler', unusedCell(`B${g}-B${g + 1}`)]);
    bold(ws.getRow(g + 2));
    putRow(ws, g + 4, [`Dato: ${dateText(c.date, 'dots')}`]);
    putRow(ws, g + 5, [`Godkjent: ${c.signer.name}, ${c.signer.title}`]);
  }
  return workbookBuffer(wb, c.date);
}
