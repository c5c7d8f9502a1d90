import ExcelJS from 'exceljs';
import type { ProcessedRecord } from '../pipeline/process-submission.ts';

/**
 * A cell value that a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`
 * (or a tab or carriage return, which some programs strip first) gets a leading apostrophe.
 */
export function safeCell(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const RECORD_COLUMNS: Array<[string, (r: ProcessedRecord, done: boolean) => string | number | null]> = [
  ['id', (r) => r.id],
  ['kilde', (r) => r.source],
  ['type', (r) => r.kind],
  ['ordning', (r) => r.scheme],
  ['år', (r) => r.year],
  ['søker', (r) => r.applicant.name],
  ['organisasjonsnummer', (r) => r.applicant.orgNumber],
  ['kommunenummer', (r) => r.applicant.municipalityNumber],
  ['prioritet', (r) => r.priority],
  ['tilskuddsår', (r) => r.grantYear],
  ['årsverk', (r) => r.positions],
  ['søkt beløp', (r) => r.requestedAmount],
  ['tildelt beløp', (r) => r.grantedAmount],
  ['forbrukt beløp', (r) => r.spentAmount],
  ['status', (r) => r.status],
  ['ferdig behandlet', (_r, done) => (done ? 'ja' : 'nei')],
  ['funn', (r) => r.findings.map((f) => f.code).join(' ')],
];
const FINDING_COLUMNS = [
  'id',
  'kilde',
  'kode',
  'alvorlighet',
  'felt',
  'melding',
  'dokument',
  'side',
  'tekst',
];

function findingRows(rows: Array<{ record: ProcessedRecord }>): Array<Array<string | number | null>> {
  return rows.flatMap(({ record: r }) =>
    r.findings.map((f) => [
      r.id,
      r.source,
      f.code,
      f.severity,
      f.field,
      f.message,
      f.evidence?.path ?? null,
      f.evidence?.page ?? null,
      f.evidence?.text ?? null,
    ]),
  );
}

/** The records and their findings as a workbook of two sheets. */
export async function exportXlsx(rows: Array<{ record: ProcessedRecord; done: boolean }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const records = workbook.addWorksheet('Innsendinger');
  records.addRow(RECORD_COLUMNS.map(([name]) => name));
  for (const { record, done } of rows)
    records.addRow(RECORD_COLUMNS.map(([, get]) => safeCell(get(record, done))));
  const findings = workbook.addWorksheet('Funn');
  findings.addRow(FINDING_COLUMNS);
  for (const row of findingRows(rows)) findings.addRow(row.map(safeCell));
  for (const sheet of [records, findings]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvField = (value: string | number | null): string => {
  const text = value === null ? '' : String(safeCell(value));
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The records as CSV (semicolon-separated, with a BOM, as Norwegian Excel opens it), one line each. */
export function exportCsv(rows: Array<{ record: ProcessedRecord; done: boolean }>): string {
  const lines = [RECORD_COLUMNS.map(([name]) => csvField(name)).join(';')];
  for (const { record, done } of rows)
    lines.push(RECORD_COLUMNS.map(([, get]) => csvField(get(record, done))).join(';'));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
