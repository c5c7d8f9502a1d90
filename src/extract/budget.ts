import type { Extracted } from '../domain/evidence.ts';
import type { BudgetCategory } from '../domain/record.ts';
import { parseMoney } from '../normalise/money.ts';
import { findMoney } from '../normalise/money.ts';
import { budgetCategory, FINANCING, isSubtotal, TOTAL } from './budget-category.ts';
import { cellEvidence, cellKey, lineEvidence, type SourceCell, type SourceDocument } from './source-text.ts';

export interface BudgetItem extends Extracted<number> {
  category: BudgetCategory;
  label: string;
}

export interface BudgetResult {
  items: BudgetItem[];
  /** The stated grand total, when the table has one. */
  statedTotal: Extracted<number> | null;
  /** Whether the amounts are the grant's share (a "søkt tilskudd" column), spending, or not known. */
  basis: 'grant' | 'spent' | 'unknown';
  /** Own funding or other financing appears beside the costs. */
  hasFinancing: boolean;
}

const GRANT_COLUMN =
  /søkt|omsøkt|tilskudd|statsforvalter|hdir|helsedirektorat|bufdir|fra ordningen|fra staten/;
const SPENT_COLUMN = /forbruk|regnskap|brukt|faktisk|benyttet|påløpt/;
const OWN_COLUMN = /egen|kommunal|annen|andre|sum|total|budsjett(?!post)|avvik|differanse|merknad|kommentar/;
const HEADER_LABEL =
  /^(forbruk av|post|kostnad|kostnadstype|kostnader|utgift|utgifter|budsjettpost|art|beskrivelse|type|formål|tiltak|aktivitet)/;
const HEADING =
  /^(?:\d+[.)]?\s*)?(budsjett(?!s?år)|kostnadsoverslag|kostnadsplan|kostnadsoversikt|økonomi|finansieringsplan|regnskap(?!s?år)|forbruk|økonomisk oversikt|budsjett og finansiering)/;

/** Picks the amount column from header texts: the grant's (applications) or spending's (reports). */
function chooseColumn(
  headers: string[],
  prefer: 'grant' | 'spent',
): { index: number; basis: BudgetResult['basis'] } | null {
  const order = prefer === 'spent' ? [SPENT_COLUMN, GRANT_COLUMN] : [GRANT_COLUMN, SPENT_COLUMN];
  const first = headers.findIndex((h) => h !== '');
  for (const re of order) {
    const index = headers.findIndex((h, i) => i > first && re.test(h) && !/egen|andre|annen/.test(h));
    if (index >= 0) return { index, basis: re === GRANT_COLUMN ? 'grant' : 'spent' };
  }
  const plain = headers.findIndex(
    (h, i) =>
      i > first && /beløp|kr|kroner|budsjett|nok/.test(h) && !OWN_COLUMN.test(h.replace(/budsjett/, '')),
  );
  return plain >= 0 ? { index: plain, basis: 'unknown' } : null;
}

/** Budget from the spreadsheets of a document, if any sheet holds a cost table. */
export function budgetFromSheets(doc: SourceDocument, prefer: 'grant' | 'spent'): BudgetResult | null {
  for (const sheet of doc.sheets) {
    const rows = new Map<number, SourceCell[]>();
    for (const c of sheet.cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
    const rowNumbers = [...rows.keys()].sort((a, b) => a - b);

    // A header row names the columns; without one, each label is followed by one amount.
    let amountCol: number | null = null;
    let basis: BudgetResult['basis'] = 'unknown';
    let startRow = rowNumbers[0] ?? 1;
    for (const r of rowNumbers) {
      const cells = rows.get(r)!.sort((a, b) => a.col - b.col);
      if (!cells.some((c) => HEADER_LABEL.test(c.folded)) || cells.some((c) => typeof c.value === 'number'))
        continue;
      const headers: string[] = [];
      for (const c of cells) headers[c.col] = c.folded;
      const dense = Array.from({ length: headers.length }, (_, i) => headers[i] ?? '');
      const chosen = chooseColumn(dense, prefer);
      if (chosen) {
        amountCol = chosen.index;
        basis = chosen.basis;
        startRow = r + 1;
        break;
      }
    }

    const items: BudgetItem[] = [];
    let statedTotal: Extracted<number> | null = null;
    let hasFinancing = false;
    const titled = sheet.cells.some(
      (c) => c.row <= 3 && /budsjett|kostnad|utgift|forbruk|regnskap/.test(c.folded),
    );
    for (const r of rowNumbers) {
      if (r < startRow) continue;
      const cells = rows.get(r)!.sort((a, b) => a.col - b.col);
      const labelCell = cells.find((c) => typeof c.value === 'string' && /\p{L}/u.test(c.text));
      if (!labelCell) continue;
      const amountCell =
        amountCol !== null
          ? sheet.grid.get(cellKey(r, amountCol))
          : cells.find(
              (c) => c.col > labelCell.col && (typeof c.value === 'number' || parseMoney(c.text) !== null),
            );
      if (!amountCell) continue;
      const amount =
        typeof amountCell.value === 'number' ? Math.round(amountCell.value) : parseMoney(amountCell.text);
      if (amount === null) continue;
      const label = labelCell.folded;
      const evidence = cellEvidence(labelCell, amountCell);
      if (TOTAL.test(label)) {
        if (!isSubtotal(label) && statedTotal === null && items.length > 0)
          statedTotal = { value: amount, evidence, confidence: null };
        continue;
      }
      if (FINANCING.test(label)) {
        hasFinancing = true;
        continue;
      }
      if (statedTotal !== null) continue; // rows after the total are financing or notes
      if (!isCostLabel(label, amount)) continue;
      // Without column headings, only rows that name a cost count: a form sheet lists other numbers too.
      if (amountCol === null && budgetCategory(label) === 'annet' && !titled) continue;
      items.push({
        value: amount,
        evidence,
        confidence: null,
        category: budgetCategory(label),
        label: labelCell.text,
      });
    }
    if (items.length > 0) return { items, statedTotal, basis, hasFinancing };
  }
  return null;
}

/** A cost line's label names a cost, not a date, a field of the form or a year. */
function isCostLabel(label: string, amount: number): boolean {
  if (amount >= 100_000_000) return false; // a nine-digit organisation number, not a grant budget
  // "Rapporteringsår 2022" is a year beside its label, not a cost.
  if (/år\b|\bår|periode|dato/u.test(label) && amount >= 1990 && amount <= 2100) return false;
  if (
    /^(dato|org|kommune|søker|kontakt|telefon|e-?post|samarbeid|partner|medsøker|år\b|periode|tilskudds?(?:år|periode)|prosjekt(navn)?\b|navn|adresse|konto|stilling(?:er)? i|antall|type|driftsår|fase)/.test(
      label,
    )
  )
    return false;
  return /\p{L}{3}/u.test(label);
}

/** Budget from text lines: a budget section with one cost per line, ended by its total. */
export function budgetFromLines(doc: SourceDocument, prefer: 'grant' | 'spent'): BudgetResult | null {
  const lines = doc.lines;
  for (let start = 0; start < lines.length; start++) {
    const head = lines[start]!;
    if (!(HEADING.test(head.folded) && head.folded.length < 70) && !isHeaderLine(head.folded)) continue;

    let columns: { index: number; basis: BudgetResult['basis'] } | null = null;
    const items: BudgetItem[] = [];
    let statedTotal: Extracted<number> | null = null;
    let hasFinancing = false;
    let gap = 0;
    for (let i = start; i < lines.length && gap <= 3; i++) {
      const line = lines[i]!;
      const segments = line.folded.split('\t');
      if (isHeaderLine(line.folded) && segments.length > 1) {
        columns = chooseColumn(segments, prefer);
        continue;
      }
      const parsed = amountOfLine(line.text, columns?.index ?? null);
      if (!parsed) {
        if (i > start) gap++;
        continue;
      }
      gap = 0;
      const label = parsed.label.toLowerCase();
      if (TOTAL.test(label)) {
        if (!isSubtotal(label) && items.length > 0) {
          statedTotal = { value: parsed.amount, evidence: lineEvidence(line), confidence: line.confidence };
          break;
        }
        continue;
      }
      if (FINANCING.test(label)) {
        hasFinancing = true;
        continue;
      }
      if (!isCostLabel(label, parsed.amount)) continue;
      items.push({
        value: parsed.amount,
        evidence: lineEvidence(line),
        confidence: line.confidence,
        category: budgetCategory(label),
        label: parsed.label,
      });
    }
    if (items.length >= 1 && (statedTotal || columns || items.length >= 2)) {
      return { items, statedTotal, basis: columns?.basis ?? 'unknown', hasFinancing };
    }
  }
  return null;
}

function isHeaderLine(folded: string): boolean {
  const segments = folded.split('\t');
  // Column headings hold words only; a row with an amount is data, even if it reads "Aktiviteter".
  return (
    segments.length > 1 &&
    !/\d/.test(segments.slice(1).join(' ')) &&
    HEADER_LABEL.test(segments[0]!) &&
    segments.slice(1).some((s) => /søkt|beløp|kr|budsjett|forbruk|regnskap|tilskudd|sum/.test(s))
  );
}

/** "Lønn koordinator\t600 000\t200 000" → label and the amount of the chosen column (or the first). */
function amountOfLine(text: string, column: number | null): { label: string; amount: number } | null {
  const segments = text.split('\t');
  if (segments.length > 1) {
    const label = segments[0]!.replace(/[:\s]+$/, '');
    if (!/\p{L}/u.test(label)) return null;
    const pick =
      column !== null && column < segments.length ? segments[column]! : segments.slice(1).find(isMoneyCell);
    const amount = pick !== undefined && isMoneyCell(pick) ? parseMoney(pick) : null;
    return amount !== null ? { label, amount } : null;
  }
  const hits = findMoney(text);
  const last = hits[hits.length - 1];
  if (!last) return null;
  const label = text
    .slice(0, last.start)
    .replace(/[:\s.–-]+$/, '')
    .replace(/\bkr\.?$/i, '')
    .trim();
  return /\p{L}{3}/u.test(label) ? { label, amount: last.amount } : null;
}

/** A table cell that holds an amount: currency or at least three digits, never "2. år" or "400 %". */
function isMoneyCell(text: string): boolean {
  if (/%|\bår\b|stilling|årsverk/i.test(text)) return false;
  // "Helse Nord HF (org.nr. 953" is a name with a number in it, not an amount.
  if (/\p{L}{2,}/u.test(text.replace(/\b(?:kr|kroner|nok|mill|millioner)\b\.?/giu, ''))) return false;
  return parseMoney(text) !== null && (/kr|nok|,-/i.test(text) || (text.match(/\d/g) ?? []).length >= 3);
}

/** One line per category, summed, in order of first appearance. */
export function summariseBudget(items: BudgetItem[]): Array<{ category: BudgetCategory; amount: number }> {
  const out: Array<{ category: BudgetCategory; amount: number }> = [];
  for (const item of items) {
    const line = out.find((l) => l.category === item.category);
    if (line) line.amount += item.value;
    else out.push({ category: item.category, amount: item.value });
  }
  return out;
}
