import ExcelJS from 'exceljs';
import type { DecidedCase, CorrectionEntry } from '../review/decision-export.ts';
import type { ReviewFinding } from '../review/review-service.ts';
import type { ResolutionRow } from '../review/review-store.ts';
import { fieldName as ruleFieldName } from '../rules/field-names.ts';
import {
  caseStatusWord,
  findingTitle,
  formatAmount,
  formatDate,
  formatDateTime,
  formatPositions,
  kindWord,
  resolutionWord,
  schemeWord,
  SEVERITY_WORD,
} from './words.ts';

/**
 * The export of the office's work: per submission, per finding and per correction, with who decided,
 * who approved and when. Excel gets real formatting (kroner and dates as numbers with a format,
 * frozen header, autofilter); CSV keeps one line per submission with the decisions summed up.
 */

/**
 * A cell value that a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`
 * (or a tab or carriage return, which some programs strip first) gets a leading apostrophe.
 */
export function safeCell<T extends string | number | Date | null>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type Schemes = ReadonlyArray<{ id: string; name: string }>;

/** The group separator is written `,` in the file and shown as the reader's locale has it (a space in Norwegian). */
export const KRONER_FORMAT = '#,##0 "kr"';
/** The dots are escaped: unescaped, a spreadsheet may take them for the locale's decimal sign. */
export const DATE_FORMAT = 'dd\\.mm\\.yyyy';
export const DATE_TIME_FORMAT = 'dd\\.mm\\.yyyy hh:mm';

type Cell = string | number | Date | null;
type Kind = 'text' | 'long' | 'amount' | 'date' | 'datetime' | 'number';
interface Column<T> {
  header: string;
  kind: Kind;
  width?: number;
  get: (row: T) => Cell;
}

const WIDTH: Record<Kind, number> = {
  text: 18,
  long: 50,
  amount: 14,
  date: 12,
  datetime: 17,
  number: 10,
};
const FORMAT: Partial<Record<Kind, string>> = {
  amount: KRONER_FORMAT,
  date: DATE_FORMAT,
  datetime: DATE_TIME_FORMAT,
};

const OSLO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment as the Excel date of its wall-clock time in Oslo: Excel dates carry no time zone, and
 * exceljs writes a Date by its UTC fields, so the Oslo fields are put there.
 */
export function excelDateTime(moment: Date | null): Date | null {
  if (moment === null || Number.isNaN(moment.getTime())) return null;
  const p = Object.fromEntries(OSLO_PARTS.formatToParts(moment).map((x) => [x.type, Number(x.value)]));
  return new Date(Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!));
}

/** A calendar date ("2023-03-01") as an Excel date; the day of a moment in Oslo. */
export function excelDate(value: string | Date | null): Date | null {
  if (value === null) return null;
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  }
  const wall = excelDateTime(value);
  return wall && new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()));
}

const jaNei = (value: boolean): string => (value ? 'Ja' : 'Nei');
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const fieldName = (field: string): string =>
  capitalise(field === 'scheme' ? 'tilskuddsordning' : field === 'year' ? 'år' : ruleFieldName(field));

/** A corrected value as a person reads it: kroner for amounts, a decimal comma for positions, dd.mm.åååå. */
export function fieldValueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'number') {
    if (/Amount$/.test(field)) return formatAmount(value);
    if (field === 'positions') return formatPositions(value);
    return String(value);
  }
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : String(value);
}

const lastMark = (c: DecidedCase, decision: 'done' | 'reopened') =>
  c.marks.filter((m) => m.decision === decision).at(-1) ?? null;
const needsDecision = (f: ReviewFinding) => f.severity === 'error' || f.severity === 'warning';

/** Where a finding stands: open, waiting for a second person, decided, or only for information. */
export function findingState(f: ReviewFinding): string {
  if (f.resolution?.needsApproval && f.resolution.approvedAt === null) return 'Venter på godkjenning';
  if (f.open) return f.lapsedResolution ? 'Åpen (avgjørelsen bortfalt)' : 'Åpen';
  if (f.resolution) return 'Avgjort';
  return needsDecision(f) ? 'Avgjort' : 'Til informasjon';
}

/** A decision in one line: "frafalt av Alice Aas 03.12.2026 kl. 10:00, godkjent av Bob Berg …: «…»". */
export function decisionText(r: ResolutionRow): string {
  const approval = r.needsApproval
    ? r.approvedBy
      ? `, godkjent av ${r.approvedBy} ${formatDateTime(r.approvedAt)}`
      : ', venter på godkjenning'
    : '';
  return `${resolutionWord(r.resolution)} av ${r.by} ${formatDateTime(r.at)}${approval}: «${r.reason}»`;
}

export function correctionText(c: CorrectionEntry): string {
  const approval =
    c.removedFindings.length === 0
      ? ''
      : c.approvedBy
        ? `, godkjent av ${c.approvedBy}`
        : ', venter på godkjenning';
  return `${fieldName(c.field)}: ${fieldValueText(c.field, c.before)} → ${fieldValueText(c.field, c.after)} (${c.by} ${formatDate(c.at)}${approval}): «${c.reason}»`;
}

/** One row per submission (the "Innsendinger" sheet and the CSV). */
function submissionColumns(schemes: Schemes): Array<Column<DecidedCase>> {
  return [
    { header: 'Søker', kind: 'text', width: 28, get: (c) => c.record.applicant.name },
    { header: 'Org.nr.', kind: 'text', width: 12, get: (c) => c.record.applicant.orgNumber },
    { header: 'Kommunenr.', kind: 'text', width: 11, get: (c) => c.record.applicant.municipalityNumber },
    { header: 'Ordning', kind: 'text', width: 34, get: (c) => schemeWord(c.record.scheme, schemes) },
    { header: 'År', kind: 'number', width: 7, get: (c) => c.record.year },
    {
      header: 'Type',
      kind: 'text',
      width: 10,
      get: (c) => capitalise(kindWord(c.record.kind)),
    },
    { header: 'Sendt', kind: 'date', get: (c) => excelDate(c.record.submittedDate) },
    { header: 'Mottatt', kind: 'date', get: (c) => excelDate(c.receivedAt) },
    { header: 'Søkt beløp', kind: 'amount', get: (c) => c.record.requestedAmount },
    { header: 'Tildelt beløp', kind: 'amount', get: (c) => c.record.grantedAmount },
    { header: 'Brukt beløp', kind: 'amount', get: (c) => c.record.spentAmount },
    { header: 'Årsverk', kind: 'number', get: (c) => c.record.positions },
    { header: 'Status', kind: 'text', width: 22, get: (c) => caseStatusWord(c.status) },
    {
      header: 'Saksbehandler',
      kind: 'text',
      get: (c) => c.assignee?.name ?? lastMark(c, 'done')?.by ?? null,
    },
    {
      header: 'Ferdig behandlet',
      kind: 'date',
      width: 15,
      get: (c) => (c.done ? excelDate(lastMark(c, 'done')!.at) : null),
    },
    { header: 'Ferdig av', kind: 'text', get: (c) => (c.done ? lastMark(c, 'done')!.by : null) },
    {
      header: 'Gjenåpnet',
      kind: 'number',
      get: (c) => c.marks.filter((m) => m.decision === 'reopened').length,
    },
    { header: 'Antall funn', kind: 'number', width: 11, get: (c) => c.findings.filter(needsDecision).length },
    { header: 'Åpne funn', kind: 'number', get: (c) => c.findings.filter((f) => f.open).length },
    {
      header: 'Funn',
      kind: 'long',
      get: (c) =>
        c.findings
          .filter(needsDecision)
          .map((f) => findingTitle(f.code))
          .join('; ') || null,
    },
    {
      header: 'Avgjørelser',
      kind: 'long',
      width: 60,
      get: (c) =>
        c.findings
          .filter((f) => f.resolution)
          .map((f) => `${findingTitle(f.code)}: ${decisionText(f.resolution!)}`)
          .join('\n') || null,
    },
    { header: 'Rettinger', kind: 'number', get: (c) => c.corrections.length },
    { header: 'Kilde', kind: 'text', width: 24, get: (c) => c.record.source },
    { header: 'ID', kind: 'text', width: 24, get: (c) => c.record.id },
  ];
}

interface FindingRow {
  c: DecidedCase;
  finding: ReviewFinding | null;
  /** The decision shown: the one in force, or the last one of a finding that is gone. */
  decision: ResolutionRow | null;
  code: string;
  state: string;
}

/** Every finding of each case with its decision, and decisions on findings a correction removed. */
function findingRows(cases: DecidedCase[]): FindingRow[] {
  return cases.flatMap((c) => {
    const current: FindingRow[] = c.findings.map((f) => ({
      c,
      finding: f,
      decision: f.resolution,
      code: f.code,
      state: findingState(f),
    }));
    const keys = new Set(c.findings.map((f) => f.key));
    const latest = new Map(c.resolutions.map((r) => [r.findingKey, r]));
    const gone: FindingRow[] = [...latest.values()]
      .filter((r) => !keys.has(r.findingKey))
      .map((r) => ({ c, finding: null, decision: r, code: r.code, state: 'Borte etter retting' }));
    return [...current, ...gone];
  });
}

function findingColumns(schemes: Schemes): Array<Column<FindingRow>> {
  return [
    { header: 'Søker', kind: 'text', width: 28, get: (r) => r.c.record.applicant.name },
    { header: 'Ordning', kind: 'text', width: 34, get: (r) => schemeWord(r.c.record.scheme, schemes) },
    { header: 'År', kind: 'number', width: 7, get: (r) => r.c.record.year },
    { header: 'Funn', kind: 'text', width: 30, get: (r) => findingTitle(r.code) },
    { header: 'Kode', kind: 'text', width: 22, get: (r) => r.code },
    {
      header: 'Alvorlighet',
      kind: 'text',
      width: 14,
      get: (r) => (r.finding ? SEVERITY_WORD[r.finding.severity] : null),
    },
    { header: 'Felt', kind: 'text', get: (r) => (r.finding?.field ? fieldName(r.finding.field) : null) },
    { header: 'Melding', kind: 'long', width: 60, get: (r) => r.finding?.message ?? null },
    { header: 'Status', kind: 'text', width: 24, get: (r) => r.state },
    {
      header: 'Avgjørelse',
      kind: 'text',
      width: 12,
      get: (r) => (r.decision ? resolutionWord(r.decision.resolution, true) : null),
    },
    { header: 'Begrunnelse', kind: 'long', get: (r) => r.decision?.reason ?? null },
    { header: 'Avgjort av', kind: 'text', get: (r) => r.decision?.by ?? null },
    { header: 'Avgjort', kind: 'datetime', get: (r) => excelDateTime(r.decision?.at ?? null) },
    {
      header: 'Krever godkjenning',
      kind: 'text',
      width: 12,
      get: (r) => (r.decision ? jaNei(r.decision.needsApproval) : null),
    },
    { header: 'Godkjent av', kind: 'text', get: (r) => r.decision?.approvedBy ?? null },
    { header: 'Godkjent', kind: 'datetime', get: (r) => excelDateTime(r.decision?.approvedAt ?? null) },
    {
      header: 'Bortfalt avgjørelse',
      kind: 'long',
      width: 40,
      get: (r) => (r.finding?.lapsedResolution ? decisionText(r.finding.lapsedResolution) : null),
    },
    { header: 'Dokument', kind: 'text', width: 24, get: (r) => r.finding?.evidence?.path ?? null },
    { header: 'Side', kind: 'number', width: 7, get: (r) => r.finding?.evidence?.page ?? null },
    { header: 'ID', kind: 'text', width: 24, get: (r) => r.c.record.id },
  ];
}

type CorrectionRow = { c: DecidedCase; x: CorrectionEntry };

function correctionColumns(schemes: Schemes): Array<Column<CorrectionRow>> {
  return [
    { header: 'Søker', kind: 'text', width: 28, get: (r) => r.c.record.applicant.name },
    { header: 'Ordning', kind: 'text', width: 34, get: (r) => schemeWord(r.c.record.scheme, schemes) },
    { header: 'År', kind: 'number', width: 7, get: (r) => r.c.record.year },
    { header: 'Felt', kind: 'text', width: 22, get: (r) => fieldName(r.x.field) },
    { header: 'Gammel verdi', kind: 'text', get: (r) => fieldValueText(r.x.field, r.x.before) },
    { header: 'Ny verdi', kind: 'text', get: (r) => fieldValueText(r.x.field, r.x.after) },
    {
      header: 'Endring',
      kind: 'text',
      width: 34,
      get: (r) => `${fieldValueText(r.x.field, r.x.before)} → ${fieldValueText(r.x.field, r.x.after)}`,
    },
    { header: 'Rettet av', kind: 'text', get: (r) => r.x.by },
    { header: 'Rettet', kind: 'datetime', get: (r) => excelDateTime(r.x.at) },
    { header: 'Begrunnelse', kind: 'long', get: (r) => r.x.reason },
    {
      header: 'Fjernet funn',
      kind: 'text',
      width: 28,
      get: (r) => r.x.removedFindings.map((f) => findingTitle(f.code)).join('; ') || null,
    },
    { header: 'Godkjent av', kind: 'text', get: (r) => r.x.approvedBy },
    { header: 'Godkjent', kind: 'datetime', get: (r) => excelDateTime(r.x.approvedAt) },
    { header: 'ID', kind: 'text', width: 24, get: (r) => r.c.record.id },
  ];
}

type MarkRow = { c: DecidedCase; m: DecidedCase['marks'][number] };

function markColumns(schemes: Schemes): Array<Column<MarkRow>> {
  return [
    { header: 'Søker', kind: 'text', width: 28, get: (r) => r.c.record.applicant.name },
    { header: 'Ordning', kind: 'text', width: 34, get: (r) => schemeWord(r.c.record.scheme, schemes) },
    { header: 'År', kind: 'number', width: 7, get: (r) => r.c.record.year },
    {
      header: 'Hendelse',
      kind: 'text',
      get: (r) => (r.m.decision === 'done' ? 'Ferdig behandlet' : 'Gjenåpnet'),
    },
    { header: 'Av', kind: 'text', get: (r) => r.m.by },
    { header: 'Når', kind: 'datetime', get: (r) => excelDateTime(r.m.at) },
    { header: 'Kommentar eller begrunnelse', kind: 'long', get: (r) => r.m.comment },
    { header: 'ID', kind: 'text', width: 24, get: (r) => r.c.record.id },
  ];
}

/** A sheet with a bold, frozen, filterable header, widths and number formats per column. */
function addSheet<T>(workbook: ExcelJS.Workbook, name: string, columns: Array<Column<T>>, rows: T[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? WIDTH[c.kind],
    style: {
      ...(FORMAT[c.kind] ? { numFmt: FORMAT[c.kind] } : {}),
      ...(c.kind === 'long' ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
    },
  }));
  for (const row of rows) sheet.addRow(columns.map((c) => safeCell(c.get(row))));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6ECF2' } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** The cases as a workbook: Innsendinger, Funn, Rettinger and Behandling (done and re-opened). */
export async function exportXlsx(cases: DecidedCase[], schemes: Schemes): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Intake';
  addSheet(workbook, 'Innsendinger', submissionColumns(schemes), cases);
  addSheet(workbook, 'Funn', findingColumns(schemes), findingRows(cases));
  addSheet(
    workbook,
    'Rettinger',
    correctionColumns(schemes),
    cases.flatMap((c) => c.corrections.map((x) => ({ c, x }))),
  );
  addSheet(
    workbook,
    'Behandling',
    markColumns(schemes),
    cases.flatMap((c) => c.marks.map((m) => ({ c, m }))),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV text of a cell: dates as dd.mm.åååå, numbers with a decimal comma (Norwegian Excel reads them as numbers). */
const csvField = (value: Cell): string => {
  const text =
    value === null
      ? ''
      : value instanceof Date
        ? `${String(value.getUTCDate()).padStart(2, '0')}.${String(value.getUTCMonth() + 1).padStart(2, '0')}.${value.getUTCFullYear()}`
        : typeof value === 'number'
          ? String(value).replace('.', ',')
          : String(safeCell(value));
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV keeps the record's id and source first, as scripts reading earlier exports expect. */
function csvColumns(schemes: Schemes): Array<Column<DecidedCase>> {
  const columns = submissionColumns(schemes);
  const pick = (header: string) => columns.find((c) => c.header === header)!;
  const rest = columns.filter((c) => !['ID', 'Kilde', 'Type', 'Ordning'].includes(c.header));
  return [
    { ...pick('ID'), header: 'id' },
    { ...pick('Kilde'), header: 'kilde' },
    { ...pick('Type'), header: 'type' },
    { ...pick('Ordning'), header: 'ordning' },
    ...rest.map((c) => ({ ...c, header: c.header.toLowerCase() })),
    {
      header: 'rettinger (gammel → ny)',
      kind: 'long',
      get: (c) => c.corrections.map(correctionText).join('\n') || null,
    },
  ];
}

/** The cases as CSV (semicolon-separated, with a BOM, as Norwegian Excel opens it), one line each. */
export function exportCsv(cases: DecidedCase[], schemes: Schemes): string {
  const columns = csvColumns(schemes);
  const lines = [columns.map((c) => csvField(c.header)).join(';')];
  for (const c of cases) lines.push(columns.map((col) => csvField(col.get(c))).join(';'));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
